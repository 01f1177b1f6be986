import { describe, expect, it } from 'vitest';
import { csvText } from '../../../shared/kernel/csv';

describe('CSV for Excel (the ratings export and the reports)', () => {
  it('starts with the BOM, quotes where it must, writes would-be formulas as text', () => {
    expect(
      csvText([
        ['甲', 'a,b', '说"好"'],
        ['=SUM(A1)', '@x', '-3', '12.5%', '-2.0'],
      ]),
    ).toBe('\uFEFF甲,"a,b","说""好"""\r\n\'=SUM(A1),\'@x,\'-3,12.5%,\'-2.0\r\n');
  });
});
