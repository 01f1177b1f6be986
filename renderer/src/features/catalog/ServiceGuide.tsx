import { useState } from 'react';
import type { ServiceGuide } from '../../../../shared/catalog/guide';
import { useI18n } from '../../i18n';
import { FigureList } from '../../ui/FigureList';

/**
 * The service guide (办事指南) of a queue service's items, as the kiosk and the booking page show
 * it: with several items, one button per item above the chosen item's guide (one at a time keeps
 * the type large); then the item's materials, time limits, fee, steps and legal basis. Only the
 * published catalog: nothing about anyone, nothing internal.
 */
export function GuideView({ items, label, first }: { items: readonly ServiceGuide[]; label: string; first?: string }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(first && items.some((i) => i.itemId === first) ? first : items[0]?.itemId);
  const item = items.find((i) => i.itemId === chosen) ?? items[0];
  if (!item) return <p className="guide-none">{t('guide.none')}</p>;
  const unit = t(`limitUnit.${item.limitUnit}`);
  return (
    <section className="guide" aria-label={label}>
      {items.length > 1 && (
        <div className="guide-items" role="group" aria-label={t('guide.items')}>
          {items.map((i) => (
            <button
              key={i.itemId}
              type="button"
              className="btn"
              aria-pressed={i.itemId === item.itemId}
              onClick={() => setChosen(i.itemId)}
            >
              {i.name}
            </button>
          ))}
        </div>
      )}
      <h3 className="guide-name">{item.name}</h3>
      <section aria-label={t('guide.materials')}>
        <h4>{t('guide.materials')}</h4>
        <ol className="guide-list">
          {item.materials.map((m, n) => (
            <li key={n}>{m}</li>
          ))}
        </ol>
      </section>
      <FigureList
        className="guide-facts"
        figures={[
          [
            t('guide.limits'),
            <>
              {item.promisedLimit === 0 ? t('guide.instant') : t('guide.promised', { n: item.promisedLimit, unit })}
              <span className="guide-statutory">{t('guide.statutory', { n: item.statutoryLimit, unit })}</span>
            </>,
          ],
          [t('guide.fee'), item.feeCents === 0 ? t('guide.free') : t('guide.yuan', { n: (item.feeCents / 100).toFixed(2) })],
        ]}
      />
      {item.steps.length > 0 && (
        <section aria-label={t('guide.steps')}>
          <h4>{t('guide.steps')}</h4>
          <ol className="guide-list guide-steps">
            {item.steps.map((s, n) => (
              <li key={n}>{s}</li>
            ))}
          </ol>
        </section>
      )}
      <section aria-label={t('guide.basis')}>
        <h4>{t('guide.basis')}</h4>
        <p className="guide-basis">{item.legalBasis}</p>
      </section>
    </section>
  );
}
