import { useEffect, useEffectEvent, useId } from 'react';

/**
 * A button bound to a function key. When disabled it says why, next to itself, so the clerk
 * never has to guess; the reason is also its accessible description.
 */
export function KeyButton(props: {
  label: string;
  hotkey?: string;
  onPress: () => void;
  disabledReason?: string | null;
  variant?: 'primary' | 'danger' | 'plain';
}) {
  const hintId = useId();
  const disabled = !!props.disabledReason;
  // An effect event sees the props of the last commit: a key pressed the moment the button
  // becomes enabled works, and the listener is not added again on every render.
  const press = useEffectEvent(() => {
    if (!disabled) props.onPress();
  });
  const { hotkey } = props;
  useEffect(() => {
    if (!hotkey) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== hotkey || e.repeat) return;
      e.preventDefault();
      // While a dialog is open, its keys are the only ones: nothing behind it may act.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      press();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hotkey]);
  return (
    <span className="keybutton">
      <button
        type="button"
        className={`btn btn-${props.variant ?? 'plain'}`}
        disabled={disabled}
        aria-describedby={disabled ? hintId : undefined}
        aria-keyshortcuts={hotkey}
        onClick={props.onPress}
      >
        {props.label}
        {hotkey && <kbd>{hotkey}</kbd>}
      </button>
      {disabled && (
        <span id={hintId} className="why">
          {props.disabledReason}
        </span>
      )}
    </span>
  );
}
