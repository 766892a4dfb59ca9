import { defineBackground } from 'wxt/utils/define-background';
import { refreshEffectiveConfig } from '../src/config/effective';
import { fetchConfig, originPattern } from '../src/config/sync';
import { ENGINE_PATH } from '../src/engine/api';
import { t } from '../src/i18n';
import { allSites, sitesForUrl } from '../src/sites';
import { customSitesItem, readManagedPolicy, teamConfigItem } from '../src/storage';

const MENU_ID = 'greenlight-check';
const CONTENT_SCRIPT = '/content-scripts/content.js';

async function ensureContentScript(tabId: number, frameId?: number): Promise<void> {
  const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
  await browser.scripting.executeScript({ target, files: [CONTENT_SCRIPT] });
}

/**
 * Puts the engine chunk into a frame's content-script world. Used where the page may not load
 * extension files (not an editor origin: the context menu's field, a team-added site); the file
 * comes from the package.
 */
async function injectEngine(tabId: number, frameId: number | undefined): Promise<void> {
  const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
  await browser.scripting.executeScript({ target, files: [ENGINE_PATH] });
}

/** Re-fetches a synced team config at startup, only when its host permission is still granted. */
async function resync(): Promise<void> {
  const managed = await readManagedPolicy();
  const team = await teamConfigItem.getValue();
  const url = managed.configUrl ?? (team?.source === 'url' ? team.url : undefined);
  const origin = url && originPattern(url);
  if (!url || !origin) return;
  if (!(await browser.permissions.contains({ origins: [origin] }))) return;
  try {
    const { text, problems } = await fetchConfig(url);
    if (problems.length === 0) await teamConfigItem.setValue({ source: 'url', url, text, updatedAt: Date.now() });
  } catch (e) {
    console.warn('[greenlight] config sync failed', e);
  }
}

export default defineBackground(() => {
  const setupMenu = () => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: t('contextMenuCheck'), contexts: ['editable'] }),
    ).catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(() => {
    setupMenu();
    void refreshEffectiveConfig();
  });
  browser.runtime.onStartup.addListener(() => {
    setupMenu();
    void resync().then(refreshEffectiveConfig);
  });

  // activeTab grants this tab for this click; the script is injected only now.
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    try {
      // The user asked for a check now, so the engine goes in with the overlay (unless already there).
      const opts = info.frameId === undefined ? undefined : { frameId: info.frameId };
      const status = (await browser.tabs.sendMessage(tab.id, { type: 'greenlight:status' }, opts).catch(() => undefined)) as { engine?: boolean } | undefined;
      if (!status?.engine) await injectEngine(tab.id, info.frameId);
      await ensureContentScript(tab.id, info.frameId);
      await browser.tabs.sendMessage(tab.id, { type: 'greenlight:check' }, info.frameId === undefined ? undefined : { frameId: info.frameId });
    } catch (e) {
      console.warn('[greenlight] cannot check this field', e);
    }
  });

  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    const m = msg as { type?: string; count?: number };
    if (m?.type === 'greenlight:count' && sender.tab?.id !== undefined) {
      const n = m.count ?? 0;
      void browser.action.setBadgeText({ tabId: sender.tab.id, text: n ? String(n) : '' }).catch(() => undefined);
      void browser.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: '#d93025' }).catch(() => undefined);
    }
    if (m?.type === 'greenlight:refresh-config') return refreshEffectiveConfig().then(() => ({ ok: true }));
    if (m?.type === 'greenlight:load-engine' && sender.tab?.id !== undefined) {
      return injectEngine(sender.tab.id, sender.frameId).then(
        () => ({ ok: true }),
        (e: unknown) => ({ ok: false, error: String(e) }),
      );
    }
    return undefined;
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && ('teamConfig' in changes || 'userRules' in changes))) void refreshEffectiveConfig();
  });

  // Business Suite is a single-page app: entering the editor from another page loads no content
  // script, so inject it when the tab's URL (visible to us only on editor URLs) enters the editor.
  browser.tabs.onUpdated.addListener(async (tabId, change, tab) => {
    // Same-document URL changes report a url (and, depending on the browser, a status); a page
    // that finished loading without our script (entered by pushState) reports `complete`.
    const url = change.url ?? (change.status === 'complete' ? tab.url : undefined);
    if (!url || (change.url && change.status === 'loading')) return;
    const sites = allSites(await customSitesItem.getValue());
    if (sitesForUrl(url, sites).length === 0) return;
    try {
      const alive = await browser.tabs.sendMessage(tabId, { type: 'greenlight:status' }).catch(() => undefined);
      if (!alive) await ensureContentScript(tabId);
    } catch {
      /* no access to this tab */
    }
  });
});
