import { useHall, useHallDay } from '../../app/hall';
import { queueDay } from './day';

/** The hall day's queue (tickets, entries, figures) on this face's replica, as of `now`. */
export function useQueueDay(now: number) {
  const { replica } = useHall();
  const hallDay = useHallDay(now);
  return { ...hallDay, ...queueDay(replica, hallDay.day, now) };
}
