/** One member of a class or interface in the generated API reference. */
export interface ApiMember {
  name: string;
  kind: string;
  signature: string;
  doc: string;
  static: boolean;
}

/** One exported symbol in the generated API reference (src/generated/api.json). */
export interface ApiEntry {
  name: string;
  kind: string;
  signature: string;
  doc: string;
  packages: string[];
  members: ApiMember[];
}
