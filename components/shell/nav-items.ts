export interface NavItem {
  label: string;
  href: string;
}

export interface NavGroup {
  label: string;
  sublabel?: string;
  items: NavItem[];
}

export const NAV: NavGroup[] = [
  { label: 'Overview', items: [{ label: 'Start', href: '/' }] },
  {
    label: 'Integration',
    sublabel: 'Service Connections',
    items: [
      { label: 'Connections', href: '/integration/service-connections/connections' },
      { label: 'Tenants', href: '/integration/service-connections/tenants' },
      { label: 'Services', href: '/integration/service-connections/services' },
    ],
  },
  {
    label: 'Settings',
    sublabel: 'Global System Settings',
    items: [
      { label: 'Emails', href: '/settings/global-system-settings/emails' },
      { label: 'API keys', href: '/settings/api-keys' },
      { label: 'SMTP relay', href: '/settings/smtp-relay' },
      { label: 'Notifications', href: '/settings/notifications' },
    ],
  },
  {
    label: 'Mail',
    items: [
      { label: 'E-mail Robot', href: '/email-robot' },
      { label: 'Outbox', href: '/outbox' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Audit log', href: '/audit-log' },
      { label: 'Administrators', href: '/administrators' },
    ],
  },
];
