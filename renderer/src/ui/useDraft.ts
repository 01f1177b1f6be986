import { useState } from 'react';

/**
 * A form's draft of a value stored at the hub: it starts as that value and starts over whenever
 * the stored value changes (another manager saved, or this one's save came back). `key` says when
 * the value changed; by default its JSON.
 */
export function useDraft<T>(stored: T, key: string = JSON.stringify(stored)): [T, (v: T) => void] {
  const [draft, setDraft] = useState({ key, value: stored });
  // Adjusted while rendering, as React recommends for state that follows a prop: no extra pass.
  if (draft.key !== key) setDraft({ key, value: stored });
  return [draft.key === key ? draft.value : stored, (value: T) => setDraft({ key, value })];
}
