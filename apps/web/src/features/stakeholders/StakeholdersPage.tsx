export function StakeholdersPage() {
  return null;
}
