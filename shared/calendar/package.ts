import chineseDays from 'chinese-days/dist/chinese-days.json';

/** The schedule of the holiday-data package (chinese-days): what a hall starts with, and what the region offers to import. */
interface PackageYear {
  holidays: string[];
  workdays: string[];
}

/** The package's schedule by year. It lists only days that differ from a plain week. */
export function packageYears(): Map<number, PackageYear> {
  const years = new Map<number, PackageYear>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { holidays: [], workdays: [] }));
    return entry;
  };
  for (const d of Object.keys(chineseDays.holidays)) yearOf(d).holidays.push(d);
  for (const d of Object.keys(chineseDays.workdays)) yearOf(d).workdays.push(d);
  for (const y of years.values()) {
    y.holidays.sort();
    y.workdays.sort();
  }
  return years;
}
