/**
 * The dashboard's figures (issue 10), shared with the web app for labels and links. Each is a sum
 * over a region subtree for one Beijing day, so a county's figure is its townships' figures added
 * up. Two kinds:
 * - state figures say how things stood at the end of the day (for today: at the last refresh);
 * - day figures count what happened during the day.
 * Rates are derived on the page from two sums (e.g. attendance = present ÷ due), never stored,
 * because a rate does not add up the tree.
 */
export const FIGURE_KEYS = [
  // volunteers and teams
  'volunteersActive', // state: approved, active volunteers
  'volunteersOnPost', // state: checked in and not yet out
  'volunteersServed', // day: distinct volunteers who checked in
  'teams', // state: active teams
  // checkpoints and duty
  'checkpoints', // state: active checkpoints
  'checkpointsAllDay', // state: of those, staffed round the clock (24 小时)
  'shiftsRequired', // day: people required over the day's shifts
  'shiftsAssigned', // day: assignments over the day's shifts
  'attendanceDue', // day: assignments whose shift had started
  'attendancePresent', // day: of those, checked in
  // inspections and the issue ledger
  'inspections', // day: inspection visits
  'issuesOpen', // state: open field issues
  'issuesOverdue', // state: open past their deadline
  'issuesOpened', // day
  'issuesResolved', // day
  // households and screening
  'households', // state
  'householdsScreened', // state: visited at least once in a screening campaign
  // returnees, contacts, isolation
  'returnees', // state: registered so far
  'returneesNew', // day
  'returneesWuhan', // state: registered so far, from Wuhan
  'returneesHubei', // state: from the rest of Hubei
  'returneesOther', // state: from elsewhere
  'returneesReleased', // state: whose isolation case was released
  'contacts', // state: close contacts registered so far
  'contactsNew', // day
  'casesActive', // state
  'casesNew', // day: cases opened
  'casesReleased', // day
  'casesTransferred', // day
  'reportsDue', // day: report slots of active cases that had closed
  'reportsReceived', // day: of those, reported
  'reportsMissed', // day: of those, missed
  'reportsFever', // day: reports at or above 37.3 °C
  'alertsFeverOpen', // state: open fever alerts
  // errands
  'errandsOpen', // state: not yet delivered, confirmed or cancelled
  'errandsOverdue', // state: open and past their claim or delivery deadline
  'errandsOrdered', // day
  'errandsDelivered', // day
  'errandsOnTime', // day: delivered by their deadline
  'errandsAmountFen', // day: amounts due of the day's delivered orders, in fen (分)
  // disinfection, publicity, supplies
  'disinfectionOps', // day
  'disinfectionAreaM2', // day
  'disinfectionPeople', // day
  'publicityActivities', // day
  'stockAlerts', // state: stock items below their alert level
  'suppliesIn', // day: receipt lines
  'suppliesOut', // day: issue lines
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

export function emptyFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
}
