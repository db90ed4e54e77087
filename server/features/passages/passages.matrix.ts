import type { CaseTable } from '../../../test/matrix.ts';

export const passagesMatrix: CaseTable = () => ({});
