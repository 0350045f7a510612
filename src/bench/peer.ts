/**
 * The peer's answer to the deep query in our shape, so that the two can be compared: PostGraphile
 * names relations after foreign keys and lists them as { nodes }, we use field names and edges.
 */
interface PeerStatement {
  kind: string;
  statementDate: string | null;
  verdict: string | null;
  quote: string;
  organizationByOrganizationId: { name: string };
}

interface PeerElection {
  key: string;
  year: number;
  type: string;
  date: string | null;
  areaByAreaId: { name: string };
  electionRoundsByElectionId: { nodes: { round: string; date: string | null; statementsByRoundId: { nodes: PeerStatement[] } }[] };
}

export function peerDeepAsOurs(answer: { data?: { allElections?: { nodes: PeerElection[] } } }): unknown {
  const nodes = answer.data?.allElections?.nodes ?? [];
  return {
    data: {
      elections: {
        edges: nodes.map((e) => ({
          node: {
            key: e.key,
            year: e.year,
            type: e.type,
            date: e.date,
            area: { name: e.areaByAreaId.name },
            rounds: e.electionRoundsByElectionId.nodes.map((r) => ({
              round: r.round,
              date: r.date,
              statements: r.statementsByRoundId.nodes.map((s) => ({
                kind: s.kind,
                statementDate: s.statementDate,
                verdict: s.verdict,
                quote: s.quote,
                organization: { name: s.organizationByOrganizationId.name },
              })),
            })),
          },
        })),
      },
    },
  };
}
