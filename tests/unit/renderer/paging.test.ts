import { describe, expect, it } from 'vitest';
import { pageAt } from '../../../renderer/src/faces/display/paging';

describe('the lobby list’s pages', () => {
  const services = Array.from({ length: 30 }, (_, i) => i + 1);

  it('turns to the next page every period and back to the first after the last', () => {
    expect(pageAt(services, 12, 0, 8000)).toEqual({ items: services.slice(0, 12), page: 0, pages: 3 });
    expect(pageAt(services, 12, 8000, 8000)).toMatchObject({ items: services.slice(12, 24), page: 1 });
    expect(pageAt(services, 12, 16_000, 8000)).toMatchObject({ items: services.slice(24), page: 2 });
    expect(pageAt(services, 12, 24_000 + 7999, 8000)).toMatchObject({ page: 0 });
  });

  it('is one page when all fit, and never divides by a box that fits nothing', () => {
    expect(pageAt(services, 40, 123_456, 8000)).toEqual({ items: services, page: 0, pages: 1 });
    expect(pageAt([], 5, 9000, 8000)).toEqual({ items: [], page: 0, pages: 1 });
    expect(pageAt(services, 0, 8000, 8000)).toMatchObject({ items: [2], page: 1, pages: 30 });
  });
});
