import { create } from 'qrcode';
import { rowById } from '../../../../shared/protocol';
import { printedRatingCode, ratePageAddress } from '../../../../shared/ratings/phone';
import { parseRatingSettings, type RatingSettings } from '../../../../shared/ratings/settings';
import { useHall } from '../../app/hall';
import { hubAddress } from '../../app/platform';
import { useI18n } from '../../i18n';

/**
 * A QR image of `text`, drawn here as SVG (the maintained `qrcode` package computes the modules;
 * nothing leaves the hall): sharp on a thermal printer and on A4 at any size, and ready at the
 * first render, so a slip printed as it shows carries it.
 */
export function QrImage({ text, label, size }: { text: string; label: string; size: string }) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(y, x)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${n + 8} ${n + 8}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-text={text}
    >
      <rect width={n + 8} height={n + 8} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The hall's 好差评 settings, as this terminal's replica holds them (every audience holds the hall). */
export function useRatingSettings(): RatingSettings {
  const { replica, connection } = useHall();
  return parseRatingSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.rating_settings ?? '{}');
}

/**
 * The hub's address as the applicants' phones reach it: the hall's setting when the manager gave
 * one (the hall Wi-Fi's address), else the address this terminal reaches the hub at.
 */
export function usePhoneBase(): string | null {
  return useRatingSettings().phoneUrl || hubAddress();
}

/** A slip's or a notice's rating block: the QR image opening the phone page, and the code to type. */
export function RateQr({ code, caption, size }: { code: string; caption: string; size: string }) {
  const { t } = useI18n();
  const base = usePhoneBase();
  return (
    <figure className="rate-qr">
      {base && <QrImage text={ratePageAddress(base, code)} label={t('rate.qr')} size={size} />}
      <figcaption>
        <span>{caption}</span>
        <span className="rate-qr-code">{t('rate.slipCode', { code: printedRatingCode(code) })}</span>
      </figcaption>
    </figure>
  );
}
