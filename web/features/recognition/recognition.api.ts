import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RankingMetric, RankingSubject } from '../../../common/enums.ts';
import type {
  Certificate,
  CertificateCheck,
  IssueCertificateInput,
} from '../../../server/features/recognition/certificates.schemas.ts';
import type { Ranking, RankingItem } from '../../../server/features/recognition/rankings.schemas.ts';
import { api, download, withQuery } from '../../app/api.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';

export type { Certificate, CertificateCheck, Ranking, RankingItem };

export const RECOGNITION_KEY = 'recognition';

export interface RankingFilter {
  subject: RankingSubject;
  /** null: the top region of the caller's area, as the server picks it. */
  regionId: string | null;
  from: string;
  to: string;
  metric: RankingMetric;
}

export function useRanking(filter: RankingFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [RECOGNITION_KEY, 'ranking', filter, page, pageSize],
    queryFn: () =>
      api.get<Ranking>(withQuery('/recognition/rankings', { ...filter, limit: pageSize, offset: (page - 1) * pageSize })),
    placeholderData: keepPreviousData,
  });
}

/** The whole ranking for the same filters, as the server names the file. */
export function downloadRanking(filter: RankingFilter): Promise<void> {
  return download(withQuery('/recognition/rankings/xlsx', { ...filter }), `表彰与排行-${filter.from}-${filter.to}.xlsx`);
}

export function useCertificates(volunteerId: string) {
  return useQuery({
    queryKey: [RECOGNITION_KEY, 'certificates', volunteerId],
    queryFn: async () => (await api.get<{ items: Certificate[] }>(`/volunteers/${volunteerId}/certificates`)).items,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: [RECOGNITION_KEY, 'certificate', id],
    queryFn: () => api.get<Certificate>(`/certificates/${id}`),
  });
}

/** Issues a certificate; a second tap of the same dialog is answered once. */
export function useIssueCertificate(volunteerId: string) {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  return useMutation({
    mutationFn: (body: IssueCertificateInput) => create<Certificate>(`/volunteers/${volunteerId}/certificates`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [RECOGNITION_KEY] }),
  });
}

export function revokeCertificate(id: string, reason: string): Promise<Certificate> {
  return api.post<Certificate>(`/certificates/${id}/revoke`, { reason });
}

/** A code as issued: 16 of 0-9 A-Z. Anything else cannot be a certificate, so it is not asked about. */
export const CERTIFICATE_CODE = /^[0-9A-Z]{16}$/;

/** The public check behind the QR code: no account, so no retry on a code that is simply wrong. */
export function useCertificateCheck(code: string) {
  return useQuery({
    queryKey: [RECOGNITION_KEY, 'check', code],
    queryFn: () => api.get<CertificateCheck>(`/c/${code}`),
    enabled: CERTIFICATE_CODE.test(code),
    retry: false,
  });
}
