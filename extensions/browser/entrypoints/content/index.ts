import { bootStart } from '../../src/boot-time';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { registeredEngine } from '../../src/engine/api';
import { engineSource, loadEngine } from '../../src/engine/load';
import { OverlayController } from '../../src/overlay/controller';
import css from '../../src/overlay/style.css?inline';
import { allSites, builtinMatches, sitesForUrl } from '../../src/sites';
import type { SiteDefinition } from '../../src/sites/types';
import { customSitesItem, disabledSitesItem, resolvedConfigItem, siteKey } from '../../src/storage';

export interface StatusReply {
  active: boolean;
  count: number;
  site: string;
  disabled: boolean;
  /** The engine chunk is loaded in this frame. */
  engine: boolean;
}

/** The field the user right-clicked: the focused element, looking into open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

async function run(ctx: ContentScriptContext) {
  // Injected again (context menu, SPA navigation), WXT invalidates the older copy: ctx stops it.
  // Managed storage can take seconds to answer in a page; the background copies the admin's
  // site list into the stored config instead.
  let [custom, disabled, stored] = await Promise.all([customSitesItem.getValue(), disabledSitesItem.getValue(), resolvedConfigItem.getValue()]);
  let sites: SiteDefinition[] = allSites(custom);
  // Undefined until the background has stored one: the engine then applies the recommended preset.
  let config = stored?.config;
  let onDemand: HTMLElement | null | undefined;
  let controller: OverlayController | undefined;
  let ui: Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>> | undefined;

  const isDisabled = () => {
    const key = siteKey(location.href);
    return disabled.includes(key) || (stored?.managedDisabledSites ?? []).includes(key);
  };
  const wanted = () => !isDisabled() && (onDemand !== undefined || sitesForUrl(location.href, sites).length > 0);

  const reportCount = (n: number) => {
    try {
      void browser.runtime.sendMessage({ type: 'greenlight:count', count: n }).catch(() => undefined);
    } catch {
      /* extension reloaded; nothing to tell */
    }
  };

  const stop = () => {
    controller?.stop();
    controller = undefined;
    ui?.remove();
    ui = undefined;
  };

  const sync = async () => {
    if (!wanted()) {
      stop();
      return;
    }
    if (controller) return;
    ui = await createShadowRootUi<HTMLElement>(ctx, {
      name: 'greenlight-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css,
      isolateEvents: true,
      onMount: (container) => container,
    });
    if (ctx.isInvalid || controller || !wanted()) {
      // Invalidated (a newer copy took over) or started elsewhere while we awaited.
      if (!controller) ui = undefined;
      return;
    }
    ui.mount();
    // Out of the page's flow: no layout shift, no clicks taken outside our cards and panel.
    // !important: WXT resets the host with `:host { all: initial !important }`.
    const hostStyle: Record<string, string> = { position: 'fixed', left: '0', top: '0', width: '0', height: '0', overflow: 'visible', 'z-index': '2147483646', 'pointer-events': 'none' };
    for (const [k, v] of Object.entries(hostStyle)) ui.shadowHost.style.setProperty(k, v, 'important');
    const activeSites = onDemand !== undefined ? [...sites] : sitesForUrl(location.href, sites);
    controller = new OverlayController({
      container: ui.uiContainer,
      host: ui.shadowHost,
      sites: activeSites.length ? activeSites : sites,
      config,
      forcedBody: onDemand,
      onCount: reportCount,
      loadEngine,
      engineSource: () => engineSource,
    });
    controller.start();
  };

  // Single-page navigation: WXT's location events plus a cheap check on DOM changes.
  let lastUrl = location.href;
  const onUrl = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    void sync();
  };
  ctx.addEventListener(window, 'wxt:locationchange', onUrl);
  ctx.addEventListener(window, 'popstate', onUrl);
  const urlObserver = new MutationObserver(() => onUrl());
  urlObserver.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    urlObserver.disconnect();
    stop();
  });
  // React may drop foreign nodes from <body>; put the overlay back.
  ctx.setInterval(() => {
    if (ui && !ui.shadowHost.isConnected) (document.body ?? document.documentElement).append(ui.shadowHost);
  }, 1000);

  const unwatch = [
    resolvedConfigItem.watch((v) => {
      stored = v;
      config = v?.config;
      controller?.setConfig(config);
      void sync();
    }),
    disabledSitesItem.watch((v) => {
      disabled = v;
      void sync();
    }),
    customSitesItem.watch((v) => {
      custom = v;
      sites = allSites(v);
      stop();
      void sync();
    }),
  ];
  ctx.onInvalidated(() => {
    for (const u of unwatch) u();
    browser.runtime.onMessage.removeListener(onMessage);
  });

  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const m = msg as { type?: string };
    if (m?.type === 'greenlight:status') {
      const reply: StatusReply = { active: !!controller, count: controller?.count ?? 0, site: siteKey(location.href), disabled: isDisabled(), engine: !!registeredEngine() };
      sendResponse(reply);
      return;
    }
    if (m?.type === 'greenlight:check') {
      onDemand = deepActiveElement();
      stop();
      void sync().then(() => sendResponse({ ok: true }));
      return true;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  await sync();
}

export default defineContentScript({
  matches: builtinMatches,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  async main(ctx) {
    // Module evaluation before main() (the engine is a separate chunk): reported by the debug hook.
    (globalThis as { __greenlightInit?: number }).__greenlightInit = performance.now() - bootStart;
    try {
      await run(ctx);
    } catch (e) {
      console.debug('[greenlight]', e);
    }
  },
});
