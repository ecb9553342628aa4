/** How fast to send: a preset (Careful / Normal / Fast, each saying what it means) or Custom. */
import { t } from '#shared/i18n';
import { PACE_PRESETS, paceFromPreset, type Pace, type PacePreset } from '#shared/pace';
import { NumberField } from './NumberField';
import { localTimeZone, rhythmIssues } from './model';
import { capPartsNote, describePace } from './text';
import { useSettings } from '#renderer/settings/store';
import { CAMPAIGNS_PACE, CAMPAIGNS_PACE_FOR } from '#shared/i18n/keys';

const PRESETS: PacePreset[] = ['careful', 'normal', 'fast', 'custom'];
const SECOND = 1000;
const MINUTE = 60_000;

type Props = {
  value: Pace;
  onChange: (pace: Pace) => void;
  name: string;
  /** How many parts (WhatsApp messages) the draft has, when known: the daily limit counts them. */
  parts?: number;
};

export function PaceEditor({ value, onChange, name, parts }: Props) {
  const zone = useSettings((s) => s.settings?.timezone) ?? localTimeZone();
  const pick = (preset: PacePreset) => {
    if (preset === value.preset) return;
    // Working hours are set apart (When to send); a preset keeps them.
    onChange(preset === 'custom' ? { ...value, preset } : paceFromPreset(preset, value.workingHours));
  };
  const set = (patch: Partial<Pace>) => onChange({ ...value, ...patch, preset: 'custom' });
  const issues = rhythmIssues(value);
  // Main refuses to start such a campaign; said here already, in the same words.
  if (parts !== undefined && value.dailyCapPerAccount > 0 && value.dailyCapPerAccount < parts) {
    issues.push(t('cq.err.capBelowParts', { cap: value.dailyCapPerAccount, parts }));
  }
  const partsNote = parts !== undefined && parts > 0 ? capPartsNote(parts) : null;
  return (
    <div className="cmp-pace">
      <div className="cmp-presets" role="radiogroup" aria-label={t('campaigns.pace.title')}>
        {PRESETS.map((preset) => (
          <label key={preset} className={value.preset === preset ? 'choice selected' : 'choice'} data-testid={`pace-${preset}`}>
            <input type="radio" name={name} checked={value.preset === preset} onChange={() => pick(preset)} />
            <span>
              <strong>{t(CAMPAIGNS_PACE[preset])}</strong>
              <span className="muted small">{t(CAMPAIGNS_PACE_FOR[preset])}</span>
              {preset !== 'custom' && (
                <ul className="cmp-pace-lines small">
                  {describePace(PACE_PRESETS[preset]).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </span>
          </label>
        ))}
      </div>
      {value.preset !== 'custom' && partsNote && (
        <p className="muted small cmp-parts-note" data-testid="pace-cap-help">
          {partsNote} {t('campaigns.pace.dayHelp', { zone })}
        </p>
      )}
      {value.preset === 'custom' && (
        <fieldset className="cmp-custom" data-testid="pace-custom">
          <legend>{t('campaigns.pace.custom.title')}</legend>
          <div className="cmp-line">
            <span>{t('campaigns.pace.delay')}</span>
            <NumberField label={t('campaigns.pace.delayMin')} value={value.minDelayMs} scale={SECOND} min={0} max={86_400} onChange={(minDelayMs) => set({ minDelayMs })} testId="pace-min-delay" />
            <span>–</span>
            <NumberField label={t('campaigns.pace.delayMax')} value={value.maxDelayMs} scale={SECOND} min={0} max={86_400} unit={t('campaigns.unit.seconds')} onChange={(maxDelayMs) => set({ maxDelayMs })} testId="pace-max-delay" />
          </div>
          <div className="cmp-line">
            <span>{t('campaigns.pace.breakEvery')}</span>
            <NumberField label={t('campaigns.pace.breakEveryLabel')} value={value.pauseEvery} integer min={0} max={100_000} unit={t('campaigns.pace.messages')} onChange={(pauseEvery) => set({ pauseEvery })} testId="pace-break-every" />
            <span>{t('campaigns.pace.breakFor')}</span>
            <NumberField label={t('campaigns.pace.breakMin')} value={value.pauseMinMs} scale={MINUTE} min={0} max={1440} disabled={value.pauseEvery === 0} onChange={(pauseMinMs) => set({ pauseMinMs })} testId="pace-break-min" />
            <span>–</span>
            <NumberField label={t('campaigns.pace.breakMax')} value={value.pauseMaxMs} scale={MINUTE} min={0} max={1440} disabled={value.pauseEvery === 0} unit={t('campaigns.unit.minutes')} onChange={(pauseMaxMs) => set({ pauseMaxMs })} testId="pace-break-max" />
          </div>
          <p className="muted small">{t('campaigns.pace.breakHelp')}</p>
          <div className="cmp-line">
            <span>{t('campaigns.pace.cap')}</span>
            <NumberField label={t('campaigns.pace.capLabel')} value={value.dailyCapPerAccount} integer min={0} max={100_000} unit={t('campaigns.pace.capUnit')} onChange={(dailyCapPerAccount) => set({ dailyCapPerAccount })} testId="pace-cap" />
          </div>
          <p className="muted small" data-testid="pace-cap-help">
            {partsNote && (
              <>
                <strong>{partsNote}</strong>{' '}
              </>
            )}
            {t('campaigns.pace.capHelp', { zone })}
          </p>
          <label className="check">
            <input type="checkbox" checked={value.typing} onChange={(e) => set({ typing: e.target.checked })} />
            {t('campaigns.pace.typing')}
          </label>
          <label className="check">
            <input type="checkbox" checked={value.checkNumberFirst} onChange={(e) => set({ checkNumberFirst: e.target.checked })} />
            {t('campaigns.pace.check')}
          </label>
        </fieldset>
      )}
      {issues.length > 0 && (
        <ul className="banner warn cmp-issues" role="alert">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
