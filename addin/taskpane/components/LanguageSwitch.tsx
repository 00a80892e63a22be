/** The pane's language (it starts from Office's display language; the user may switch). */
import { Field, Select } from '@fluentui/react-components';
import { LOCALES, type Locale } from '../../../engine/messages';
import type { UiStrings } from '../i18n';

export function LanguageSwitch({ t, locale, onChange }: { readonly t: UiStrings; readonly locale: Locale; readonly onChange: (locale: Locale) => void }) {
  return (
    <Field label={t.language} orientation="horizontal">
      <Select
        size="small"
        value={locale}
        onChange={(_e, d) => {
          const next = LOCALES.find((l) => l === d.value);
          if (next !== undefined) onChange(next);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t.languageNames[l]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
