import type { Agent, Group } from '../../shared/model/agent';

/** Demo organisation: groups per tier and the accounts listed in README.md (password "demo"). */
export const DEMO_GROUPS: Group[] = [
  { id: 'service-desk', name: 'Service Desk', tier: 'L1', categories: ['access', 'email', 'hardware', 'software', 'network'] },
  { id: 'desktop-support', name: 'Desktop Support', tier: 'L2', categories: ['hardware', 'software', 'email', 'security'] },
  { id: 'network-ops', name: 'Network Operations', tier: 'L2', categories: ['network'] },
  { id: 'business-apps', name: 'Business Applications', tier: 'L2', categories: ['erp'] },
  { id: 'platform-engineering', name: 'Platform Engineering', tier: 'L3', categories: ['payments', 'major-outage', 'network', 'erp', 'security'] },
  { id: 'vendor-management', name: 'Vendor Management', tier: 'L4', categories: ['hardware', 'erp', 'payments'] },
];

export const DEMO_PASSWORD = 'demo';

export const DEMO_AGENTS: Agent[] = [
  { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex Rivera', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] },
  { id: 'agent-l2', email: 'l2.engineer@demo.test', name: 'Sam Okafor', role: 'l2_agent', tier: 'L2', groups: ['desktop-support', 'network-ops', 'business-apps'] },
  { id: 'agent-l3', email: 'l3.engineer@demo.test', name: 'Mei Lin', role: 'l3_agent', tier: 'L3', groups: ['platform-engineering'] },
  { id: 'agent-lead', email: 'lead@demo.test', name: 'Jordan Blake', role: 'lead', tier: 'L1', groups: ['service-desk', 'desktop-support', 'network-ops', 'business-apps'] },
  { id: 'agent-manager', email: 'manager@demo.test', name: 'Priya Nair', role: 'manager', tier: null, groups: DEMO_GROUPS.map((g) => g.id) },
  { id: 'agent-admin', email: 'admin@demo.test', name: 'Sasha Ilić', role: 'admin', tier: null, groups: [] },
  { id: 'agent-vendor', email: 'vendor.liaison@demo.test', name: 'Tomas Berg', role: 'vendor_liaison', tier: 'L4', groups: ['vendor-management'] },
  { id: 'agent-l1b', email: 'dana.fox@demo.test', name: 'Dana Fox', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] },
  { id: 'agent-l1c', email: 'kofi.mensah@demo.test', name: 'Kofi Mensah', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] },
  { id: 'agent-l2b', email: 'ines.duarte@demo.test', name: 'Inês Duarte', role: 'l2_agent', tier: 'L2', groups: ['desktop-support', 'network-ops'] },
  { id: 'agent-l3b', email: 'raj.patel@demo.test', name: 'Raj Patel', role: 'l3_agent', tier: 'L3', groups: ['platform-engineering'] },
];

export const SERVICES: Record<string, string[]> = {
  access: ['Active Directory', 'Single sign-on', 'VPN access'],
  email: ['Exchange Online', 'Teams', 'Shared mailboxes'],
  hardware: ['Laptops', 'Docking stations', 'Printers', 'Monitors'],
  software: ['Office suite', 'Browser', 'PDF tools', 'Software center'],
  network: ['Office Wi-Fi', 'VPN', 'Branch WAN', 'DNS'],
  security: ['Endpoint protection', 'Phishing reports', 'MFA'],
  erp: ['SAP Finance', 'SAP Procurement', 'Payroll'],
  payments: ['Card payments', 'Payment gateway', 'Settlement batch'],
  'major-outage': ['Customer portal', 'Core banking', 'Order platform'],
};

export const TITLES: Record<string, string[]> = {
  access: ['Password reset for {service}', 'Locked out of {service}', 'Cannot sign in to {service} after MFA change', 'New starter needs {service} access'],
  email: ['Emails stuck in outbox ({service})', 'Shared mailbox missing in {service}', 'Calendar invites not arriving ({service})', '{service} keeps asking for credentials'],
  hardware: ['{service}: screen flickers', '{service} not detected', '{service} will not power on', 'Replacement needed: {service}'],
  software: ['{service} crashes on start', 'Install request: {service}', '{service} licence expired', '{service} very slow since update'],
  network: ['{service} drops every few minutes', 'No connection to {service}', '{service} slow in branch office', 'Cannot resolve internal names ({service})'],
  security: ['Suspicious email reported ({service})', '{service} alert on laptop', '{service} enrolment fails'],
  erp: ['{service}: posting fails with error', '{service} report times out', 'Month-end job failed in {service}'],
  payments: ['{service} declines valid cards', '{service} latency above threshold', '{service} reconciliation mismatch'],
  'major-outage': ['{service} down for all users', '{service} returning errors', '{service} unreachable from branches'],
};

export const FIRST_NAMES = ['Ava', 'Ben', 'Chloe', 'Diego', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ivy', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wen', 'Yara', 'Zoe'];
export const LAST_NAMES = ['Adams', 'Brandt', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Olsen', 'Petrov', 'Quist', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Young'];
