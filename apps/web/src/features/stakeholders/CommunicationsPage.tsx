export function CommunicationsPage() {
  return null;
}
