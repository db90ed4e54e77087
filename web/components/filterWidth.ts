import { useIsPhone } from '../app/useIsPhone.ts';

/** Filter controls keep their width on a desk and take the whole row on a phone. */
export function useFilterWidth(): (desk: number) => { width: number | string } {
  const phone = useIsPhone();
  return (desk) => ({ width: phone ? '100%' : desk });
}
