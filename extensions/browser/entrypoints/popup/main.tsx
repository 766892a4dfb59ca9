import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StatusReply } from '../content/index';
import { countLabel, t } from '../../src/i18n';
import { disabledSitesItem, siteKey } from '../../src/storage';

function Popup() {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [disabled, setDisabled] = useState<string[]>([]);

  useEffect(() => {
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id !== undefined) {
        setTab({ id: active.id, url: active.url ?? '' });
        try {
          setStatus((await browser.tabs.sendMessage(active.id, { type: 'greenlight:status' })) as StatusReply);
        } catch {
          setStatus(null);
        }
      }
      setDisabled(await disabledSitesItem.getValue());
    })();
  }, []);

  const site = status?.site || (tab ? siteKey(tab.url) : '');
  const on = !!site && !disabled.includes(site);
  const toggle = async () => {
    const next = on ? [...disabled, site] : disabled.filter((s) => s !== site);
    await disabledSitesItem.setValue(next);
    setDisabled(next);
  };

  return (
    <main>
      <h1>{t('extName')}</h1>
      <p class="count" data-testid="count">
        {status?.active ? countLabel(status.count) : t('popupInactive')}
      </p>
      {site && (
        <label class="switch">
          <input type="checkbox" checked={on} onChange={() => void toggle()} />
          <span>{t('popupEnabledOn', site)}</span>
        </label>
      )}
      <p>
        <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>
          {t('popupOptions')}
        </a>
      </p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
