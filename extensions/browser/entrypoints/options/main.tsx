import type { ConfigProblem, SeveritySetting } from '@greenlight/core';
import { builtinRules } from '@greenlight/rules';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { refreshEffectiveConfig, validateConfigText } from '../../src/config/effective';
import { parseCustomSites } from '../../src/config/site-schema';
import { fetchConfig, originPattern } from '../../src/config/sync';
import { t } from '../../src/i18n';
import { builtinSites } from '../../src/sites/whatsapp-manager';
import {
  customSitesItem,
  disabledSitesItem,
  readManagedPolicy,
  resolvedConfigItem,
  teamConfigItem,
  userRulesItem,
  type ManagedPolicy,
  type StoredConfig,
  type TeamConfig,
} from '../../src/storage';

const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warning', 'error'];

function Problems({ problems }: { problems: ConfigProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="problems" data-testid="problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.line !== undefined ? `${t('optLine', p.line, p.column ?? 1)} · ` : ''}
          <code>{p.path}</code> — {p.message}
        </li>
      ))}
    </ul>
  );
}

function Rules({ stored, userRules, locked, onChange }: { stored: StoredConfig | null; userRules: Record<string, SeveritySetting>; locked: boolean; onChange: (id: string, s: SeveritySetting | '') => void }) {
  return (
    <section>
      <h2>{t('optRules')}</h2>
      {locked && <p class="muted">{t('optLocked')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('optRule')}</th>
            <th>{t('optSeverity')}</th>
          </tr>
        </thead>
        <tbody>
          {builtinRules.map((r) => {
            const effective = stored?.config.rules[r.id]?.severity ?? 'off';
            return (
              <tr key={r.id} data-rule={r.id}>
                <td>
                  <code>{r.id}</code> {r.fixable === 'fix' && <span class="muted">· {t('optFixable')}</span>}
                  <div>{r.description}</div>
                  <div class="muted">
                    {r.family} · {t(r.evidence.level === 'meta' ? 'evidenceMeta' : r.evidence.level === 'editor' ? 'evidenceEditor' : 'evidenceProvider')} ·{' '}
                    <a href={r.docsUrl} target="_blank" rel="noopener noreferrer">
                      {t('learnMore')}
                    </a>
                  </div>
                </td>
                <td>
                  <label class="row">
                    <input
                      type="checkbox"
                      aria-label={t('optEnable', r.id)}
                      disabled={locked}
                      checked={effective !== 'off'}
                      onChange={(e) => onChange(r.id, (e.target as HTMLInputElement).checked ? (r.severity as SeveritySetting) : 'off')}
                    />
                    <select
                      aria-label={t('optSeverityFor', r.id)}
                      disabled={locked}
                      value={userRules[r.id] ?? ''}
                      onChange={(e) => onChange(r.id, (e.target as HTMLSelectElement).value as SeveritySetting | '')}
                    >
                      <option value="">{t('optFromConfig', effective)}</option>
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function TeamConfigSection({ team, stored, managed, onSaved }: { team: TeamConfig | null; stored: StoredConfig | null; managed: ManagedPolicy; onSaved: () => void }) {
  const [text, setText] = useState(team?.text ?? '');
  const [url, setUrl] = useState(team?.url ?? '');
  const [problems, setProblems] = useState<ConfigProblem[]>([]);
  const [status, setStatus] = useState('');

  const save = async (source: TeamConfig['source'], value: string, extra: Partial<TeamConfig> = {}) => {
    const { problems: found } = validateConfigText(value);
    setProblems(found);
    if (found.length > 0) {
      setStatus(t('optInvalid', found.length));
      return;
    }
    await teamConfigItem.setValue({ source, text: value, updatedAt: Date.now(), ...extra });
    await refreshEffectiveConfig();
    setStatus(t('optSaved'));
    onSaved();
  };

  const onFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const value = await file.text();
    setText(value);
    await save('file', value, { fileName: file.name });
  };

  const sync = async () => {
    const origin = originPattern(url);
    if (!origin) {
      setStatus(t('optBadUrl'));
      return;
    }
    // Asked now, for this origin only; the only host Greenlight ever contacts.
    const granted = await browser.permissions.request({ origins: [origin] });
    if (!granted) {
      setStatus(t('optPermissionDenied'));
      return;
    }
    try {
      const { text: fetched } = await fetchConfig(url);
      setText(fetched);
      await save('url', fetched, { url });
    } catch (err) {
      setStatus(t('optSyncFailed', (err as Error).message));
    }
  };

  const exportConfig = () => {
    const value = team?.text ?? JSON.stringify({ extends: ['greenlight:recommended'], rules: Object.fromEntries(Object.entries(stored?.config.rules ?? {}).map(([id, e]) => [id, e.severity])) }, null, 2);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([value], { type: 'application/json' }));
    a.download = 'greenlight.config.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const remove = async () => {
    await teamConfigItem.setValue(null);
    await refreshEffectiveConfig();
    setProblems([]);
    setStatus(t('optRemoved'));
    onSaved();
  };

  return (
    <section>
      <h2>{t('optTeamConfig')}</h2>
      {managed.configJson && <p class="muted">{t('optManaged')}</p>}
      <p class="muted" data-testid="origin">
        {t('optOrigin', stored?.origin ?? 'default')}
        {team?.source === 'url' && team.url ? ` · ${team.url}` : ''}
      </p>
      <Problems problems={stored?.problems ?? []} />
      <div class="row">
        <label>
          {t('optImportFile')} <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </label>
        <button type="button" onClick={exportConfig}>
          {t('optExport')}
        </button>
        {team && (
          <button type="button" onClick={() => void remove()}>
            {t('optRemove')}
          </button>
        )}
      </div>
      <label for="config-text">{t('optPaste')}</label>
      <textarea id="config-text" spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="row">
        <button type="button" onClick={() => void save('paste', text)}>
          {t('optApply')}
        </button>
      </div>
      <div class="row">
        <label for="sync-url">{t('optSyncUrl')}</label>
        <input id="sync-url" type="url" placeholder="https://example.com/greenlight.config.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <button type="button" onClick={() => void sync()}>
          {t('optSync')}
        </button>
      </div>
      <p role="status" aria-live="polite" class={problems.length ? 'problems' : 'ok'}>
        {status}
      </p>
      <Problems problems={problems} />
    </section>
  );
}

function Sites({ disabled, managed, onChange }: { disabled: string[]; managed: ManagedPolicy; onChange: () => void }) {
  const [customText, setCustomText] = useState('[]');
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [host, setHost] = useState('');
  useEffect(() => {
    void customSitesItem.getValue().then((v) => setCustomText(JSON.stringify(v, null, 2)));
  }, []);

  const saveCustom = async () => {
    const { sites, errors: found } = parseCustomSites(customText);
    setErrors(found);
    if (found.length) return;
    // Editors outside WhatsApp Manager need their host permission, asked for now and only for them.
    const matches = sites.flatMap((s) => s.matches);
    if (matches.length && !(await browser.permissions.request({ origins: matches }))) {
      setStatus(t('optPermissionDenied'));
      return;
    }
    await customSitesItem.setValue(sites);
    setStatus(t('optSaved'));
  };

  const setSite = async (site: string, on: boolean) => {
    const next = on ? disabled.filter((s) => s !== site) : [...new Set([...disabled, site])];
    await disabledSitesItem.setValue(next);
    onChange();
  };

  return (
    <section>
      <h2>{t('optSites')}</h2>
      <ul>
        {builtinSites.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>: <code>{s.matches.join(', ')}</code>
          </li>
        ))}
      </ul>
      <h3>{t('optDisabledSites')}</h3>
      {disabled.length === 0 && <p class="muted">{t('optNoneDisabled')}</p>}
      <ul>
        {disabled.map((s) => (
          <li key={s}>
            <code>{s}</code>{' '}
            <button type="button" onClick={() => void setSite(s, true)}>
              {t('optEnableSite')}
            </button>
          </li>
        ))}
        {(managed.disabledSites ?? []).map((s) => (
          <li key={`m-${s}`}>
            <code>{s}</code> <span class="muted">{t('optManagedSite')}</span>
          </li>
        ))}
      </ul>
      <div class="row">
        <input type="text" aria-label={t('optHost')} placeholder="business.facebook.com" value={host} onInput={(e) => setHost((e.target as HTMLInputElement).value.trim())} />
        <button type="button" disabled={!host} onClick={() => void setSite(host, false)}>
          {t('optDisableSite')}
        </button>
      </div>
      <h3>{t('optCustomSites')}</h3>
      <p class="muted">{t('optCustomSitesHelp')}</p>
      <textarea aria-label={t('optCustomSites')} spellcheck={false} value={customText} onInput={(e) => setCustomText((e.target as HTMLTextAreaElement).value)} />
      <div class="row">
        <button type="button" onClick={() => void saveCustom()}>
          {t('optApply')}
        </button>
        <span role="status">{status}</span>
      </div>
      {errors.length > 0 && (
        <ul class="problems">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Options() {
  const [stored, setStored] = useState<StoredConfig | null>(null);
  const [team, setTeam] = useState<TeamConfig | null>(null);
  const [userRules, setUserRules] = useState<Record<string, SeveritySetting>>({});
  const [disabled, setDisabled] = useState<string[]>([]);
  const [managed, setManaged] = useState<ManagedPolicy>({});
  const [loaded, setLoaded] = useState(false);

  const load = async () => {
    const [s, tc, u, d] = await Promise.all([resolvedConfigItem.getValue(), teamConfigItem.getValue(), userRulesItem.getValue(), disabledSitesItem.getValue()]);
    setStored(s);
    setTeam(tc);
    setUserRules(u);
    setDisabled(d);
    setLoaded(true);
    // The admin policy can be slow to read; the page is usable meanwhile.
    void readManagedPolicy().then(setManaged);
    void refreshEffectiveConfig().then(setStored);
  };
  useEffect(() => {
    void load();
    const unwatch = resolvedConfigItem.watch((v) => setStored(v));
    return unwatch;
  }, []);

  const setRule = async (id: string, s: SeveritySetting | '') => {
    const next = { ...userRules };
    if (s === '') delete next[id];
    else next[id] = s;
    await userRulesItem.setValue(next);
    setUserRules(next);
    setStored(await refreshEffectiveConfig());
  };

  if (!loaded) return <p>…</p>;
  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      <p class="muted">{t('extDescription')}</p>
      <TeamConfigSection team={team} stored={stored} managed={managed} onSaved={() => void load()} />
      <Rules stored={stored} userRules={userRules} locked={stored?.locked ?? false} onChange={(id, s) => void setRule(id, s)} />
      <Sites disabled={disabled} managed={managed} onChange={() => void load()} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
