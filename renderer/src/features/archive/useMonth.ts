import { useState } from 'react';
import { useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';

/** The month a view shows ('YYYY-MM'): the hall's current month until the reader picks another. */
export function useMonth() {
  const { day } = useHallDay(useNow(60_000));
  return useState(day.slice(0, 7));
}
