/**
 * A door plate as people type it into the household search: building, unit and room, in the
 * usual written forms ("3-2-501", "3栋2单元501", "3号楼2单元501室"). Registers spell the parts
 * differently too ("3号楼" or "3栋" or "3"), so a plate matches any of the usual spellings of each
 * part, and nothing else: "3-2-501" never finds 13-2-501 or 3-2-5010.
 */

export interface DoorPlate {
  building: string;
  unit: string;
  room: string;
}

const BUILDING_WORDS = ['号楼', '号栋', '号', '栋', '幢', '座', '楼', '#'];
const UNIT_WORDS = ['单元'];
const ROOM_WORDS = ['室', '号'];

const DASH = '\\-‐‑‒–—―−/';
const GAP = `[\\s${DASH}]`;
/** Between two parts: the earlier part's word (then any dashes), or at least one dash or space. */
const after = (words: string[]) => `\\s*(?:(?:${words.join('|')})${GAP}*|${GAP}+)`;
const PLATE = new RegExp(
  `^(\\d{1,6})${after(BUILDING_WORDS)}(\\d{1,6})${after(UNIT_WORDS)}(\\d{1,6})\\s*(?:${ROOM_WORDS.join('|')})?$`,
);

/** The plate `text` spells out, or null when it is some other search (an address, a name, a lone number). */
export function parseDoorPlate(text: string): DoorPlate | null {
  // NFKC turns full-width digits, dashes and spaces (typed with a Chinese input method) into plain ones.
  const m = PLATE.exec(text.normalize('NFKC').trim());
  return m ? { building: m[1]!, unit: m[2]!, room: m[3]! } : null;
}

const spell = (n: string, words: string[]) => [n, ...words.map((w) => `${n}${w}`)];

/** The stored values that are each part of `plate`, for an exact match on the building, unit and room columns. */
export function doorPlateSpellings(plate: DoorPlate): { building: string[]; unit: string[]; room: string[] } {
  return {
    building: spell(plate.building, BUILDING_WORDS),
    unit: spell(plate.unit, UNIT_WORDS),
    room: spell(plate.room, ROOM_WORDS),
  };
}
