/** What the pages read of any version: who it is for, which year, where it is in its lifecycle, its notice's header. */
export interface VersionHeader {
  id: string;
  year: number;
  status: string;
  title: string;
  documentNumber: string;
  issuedOn: string;
  jurisdiction: { id?: string; name: string; code?: string | null };
}
