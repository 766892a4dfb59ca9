/** Sources cited by the content-policy rules (see shared/reference/meta-template-rules.md §7). */
export const POLICY_SOURCES = {
  S3: { title: 'Meta: Template review (rejection reasons)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-review' },
  S4: { title: 'Meta: Template categorization', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-categorization' },
  S8: {
    title: 'Meta: message_template_status_update webhook (rejection reasons such as ABUSIVE_CONTENT and SCAM)',
    url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update',
  },
  S24: { title: 'Meta: Message template guidelines (legacy)', url: 'https://developers.facebook.com/docs/whatsapp/message-templates/guidelines' },
  S27: { title: 'WhatsApp Business Messaging Policy', url: 'https://business.whatsapp.com/policy' },
  S28: { title: 'WhatsApp Commerce Policy', url: 'https://www.whatsapp.com/legal/commerce-policy' },
  B9: { title: 'HiJiffy: why campaigns are rejected (raffles, prizes)', url: 'https://help.hijiffy.com/campaigns-rejected-reasons' },
  B22: { title: 'nxlink: WhatsApp Commerce Policy list', url: 'https://help.nxlink.ai/en/docs/P1u7R6' },
  B23: { title: 'Niswey: organisations prohibited from using WhatsApp Business', url: 'https://niswey.com/knowledge-base/prohibited-organizations-use' },
} as const;
