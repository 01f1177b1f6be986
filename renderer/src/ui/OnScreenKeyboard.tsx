import { useI18n } from '../i18n';

const LETTER_ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
const DIGIT_ROW = '1234567890';
/** A resident ID number's keypad: digits as on a phone, and the X a check digit may be. */
const ID_ROWS = ['123', '456', '789', 'X0'];

/**
 * A touch keyboard for a kiosk without one: letters (pinyin initials for the item search),
 * digits and letters (a code), or an ID number's keypad. Keys are large buttons, each named for screen readers; the field
 * it types into stays a plain controlled input.
 */
export function OnScreenKeyboard({
  layout,
  value,
  onChange,
  label,
  maxLength = 40,
}: {
  layout: 'letters' | 'alnum' | 'idNumber';
  value: string;
  onChange: (v: string) => void;
  /** What the keyboard types into, for its accessible name. */
  label: string;
  maxLength?: number;
}) {
  const { t } = useI18n();
  const rows = layout === 'idNumber' ? ID_ROWS : layout === 'alnum' ? [DIGIT_ROW, ...LETTER_ROWS] : LETTER_ROWS;
  // Letters are typed in lower case: pinyin, 工号 and passwords are (a code is compared as typed by its reader).
  const type = (ch: string) => value.length < maxLength && onChange(value + ch.toLowerCase());
  return (
    <div className={`osk osk-${layout}`} role="group" aria-label={t('osk.keyboard', { field: label })}>
      {rows.map((row) => (
        <div className="osk-row" key={row}>
          {row.split('').map((ch) => (
            <button type="button" key={ch} className="osk-key" aria-label={ch} onClick={() => type(ch)}>
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        <button
          type="button"
          className="osk-key wide"
          aria-label={t('osk.backspace')}
          disabled={!value}
          onClick={() => onChange([...value].slice(0, -1).join(''))}
        >
          ⌫ {t('osk.backspace')}
        </button>
        <button type="button" className="osk-key wide" aria-label={t('osk.clear')} disabled={!value} onClick={() => onChange('')}>
          {t('osk.clear')}
        </button>
      </div>
    </div>
  );
}
