/**
 * The operator's week: the first day chosen in Settings (the first run sets it from the country),
 * and the weekend of the language in the settings' default country when the language is spoken
 * there (Arabic in Saudi Arabia, Persian in Afghanistan; see operatorRegion), else where the
 * language is spoken most. Before the settings are read, the language's own week.
 */
import { operatorRegion, weekInfo, type WeekInfo } from '#shared/week';
import { useSettings } from '#renderer/settings/store';
import { useLocale } from './locale';

export function useWeek(): WeekInfo {
  const language = useLocale((s) => s.language);
  const country = useSettings((s) => s.settings?.defaultCountry ?? null);
  const weekStart = useSettings((s) => s.settings?.weekStart);
  const info = weekInfo(language, operatorRegion(language, country));
  return weekStart === undefined ? info : { ...info, firstDay: weekStart };
}
