import { CALENDAR_SOURCES } from '../../../../shared/calendar/enums';
import { codeLabels, type Words } from '../labels';
import type { calendar as zh } from '../zh-CN/calendar';

export const calendar: Words<typeof zh> = {
  'cal.title': 'Working-day calendar',
  'cal.missing': 'No holiday schedule for {year}: cases due that year show a warning. The State Council publishes it each autumn.',
  'cal.known': 'Known years: ',
  ...codeLabels('cal.source', CALENDAR_SOURCES, {
    package: '(holiday data package)',
    admin: '(entered by an administrator)',
    region: '(from the city, with this hall’s own days off)',
  }),
  'cal.enterYear': "Enter a year's holiday schedule",
  'cal.year': 'Year',
  'cal.holidays': 'Days off (every day)',
  'cal.workdays': 'Working weekend days (swapped for holidays)',
  'cal.saveYear': 'Save the year',
  'cal.saved': 'Saved {year}; {n} running cases recomputed',
  'cal.badDates': 'Not valid dates of that year: {list}',
  'cal.settings': 'This hall',
  'cal.duty': 'Weekend duty days of this hall (count as working days)',
  'cal.share': 'Warn at (% of the limit used)',
  'cal.phone': 'Complaint phone',
  'cal.saveSettings': 'Save settings',
  'cal.settingsSaved': 'Saved; {n} running cases recomputed',
};
