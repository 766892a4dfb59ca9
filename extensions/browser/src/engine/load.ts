/**
 * Loads the engine chunk into the content script's world, once. On the editor origins it is a
 * web-accessible resource, so a dynamic `import()` of the packaged file does it. Elsewhere (a field
 * checked from the context menu, a team-added editor site) the page may not load extension files,
 * so the background injects the same file with `scripting.executeScript`. Nothing is fetched from
 * the network: both paths read the file from the extension package.
 */
import { ENGINE_PATH, registeredEngine, type Engine } from './api';

let pending: Promise<Engine> | undefined;
/** How the engine arrived in this world (reported by the debug hook). */
export let engineSource: 'present' | 'import' | 'injected' | undefined;

export function loadEngine(): Promise<Engine> {
  pending ??= load().catch((e: unknown) => {
    // Let a later editor try again (e.g. after the extension was updated under the page).
    pending = undefined;
    throw e;
  });
  return pending;
}

async function load(): Promise<Engine> {
  const ready = registeredEngine();
  if (ready) {
    engineSource = 'present';
    return ready;
  }
  try {
    await import(/* @vite-ignore */ browser.runtime.getURL(ENGINE_PATH));
    engineSource = 'import';
  } catch (importError) {
    const reply = (await browser.runtime.sendMessage({ type: 'greenlight:load-engine' }).catch(() => undefined)) as { ok?: boolean } | undefined;
    if (!reply?.ok) throw importError;
    engineSource = 'injected';
  }
  const engine = registeredEngine();
  if (!engine) throw new Error('the engine chunk did not register');
  return engine;
}
