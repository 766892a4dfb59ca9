/**
 * Content-policy rules on realistic texts in the 11 languages: true positives with their exact spans, and
 * false-positive traps (ordinary service messages that contain a listed word) that must stay silent.
 */
import { lint, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../src/index.js';

type Case = [lang: string, category: string, text: string, spans: string[]];

function run(ruleId: string, [lang, category, text]: Case, extra: { buttons?: string[]; options?: Record<string, unknown>; business?: Record<string, unknown> } = {}) {
  const rule = rulesById.get(ruleId)!;
  const components: unknown[] = [{ type: 'BODY', text }];
  if (extra.buttons) components.push({ type: 'BUTTONS', buttons: extra.buttons.map((b) => ({ type: 'QUICK_REPLY', text: b })) });
  const doc = JSON.stringify({ name: 't', language: lang, category, components }, null, 2);
  const config: ResolvedConfig = { baseDir: '/', files: [], rules: { [ruleId]: { severity: rule.severity, options: extra.options } }, business: extra.business ?? {}, overrides: [], ignorePatterns: [] };
  const { messages } = lint(doc, { rules: [rule], config, format: 'json' });
  return messages.map((m) => ({ span: doc.slice(m.range.start, m.range.end), severity: m.severity, id: m.messageId }));
}

function family(ruleId: string, positives: Case[], traps: Case[]) {
  describe(ruleId, () => {
    it.each(positives)('flags [%s %s] %s', (...c) => {
      expect(run(ruleId, c).map((f) => f.span)).toEqual(c[3]);
    });
    it.each(traps)('stays silent on [%s %s] %s', (...c) => {
      expect(run(ruleId, c)).toEqual([]);
    });
  });
}

family(
  'forbidden-request',
  [
    ['en_US', 'UTILITY', 'To keep your card active, reply to this message with your full 16-digit card number and the CVV.', ['16-digit card number', 'CVV']],
    ['en_US', 'UTILITY', 'Please send us your online banking password so we can unlock your account.', ['online banking password']],
    ['es_MX', 'UTILITY', 'Para validar tu cuenta, envíanos el número de tu tarjeta y tu contraseña.', ['número de tu tarjeta', 'contraseña']],
    ['pt_BR', 'UTILITY', 'Responda esta mensagem com seu CPF completo e a senha do aplicativo.', ['CPF', 'senha']],
    ['it', 'UTILITY', 'Per sbloccare il conto inviaci il PIN della carta.', ['PIN']],
    ['de', 'UTILITY', 'Bitte senden Sie uns Ihre Kreditkartennummer und die Prüfnummer CVC.', ['Kreditkartennummer', 'CVC']],
    ['fr', 'UTILITY', 'Merci de nous communiquer votre numéro de carte et le cryptogramme.', ['numéro de carte', 'cryptogramme']],
    ['ru', 'UTILITY', 'Пришлите в ответ фото паспорта и ваш ИНН.', ['фото паспорта', 'ИНН']],
    ['id', 'UTILITY', 'Silakan kirimkan foto KTP dan PIN ATM Anda.', ['foto KTP', 'PIN']],
    ['tr', 'UTILITY', 'Hesabınızı açmak için T.C. kimlik numaranızı ve şifrenizi yazın.', ['T.C. kimlik numaranızı', 'şifrenizi']],
    ['ar', 'UTILITY', 'يرجى إرسال رقم البطاقة؛ أرسل لنا كلمة المرور الآن.', ['كلمة المرور']],
    ['hi', 'UTILITY', 'कृपया इस मैसेज के जवाब में अपना पूरा आधार नंबर भेजें।', ['आधार नंबर']],
    ['hi', 'UTILITY', 'KYC ke liye apna aadhar number aur UPI PIN bhejein.', ['aadhar number', 'UPI PIN']],
  ],
  [
    ['en_US', 'UTILITY', "Your password was changed. If this wasn't you, reset it here.", []],
    ['en_US', 'AUTHENTICATION', 'Never share your OTP or PIN with anyone, not even our staff.', []],
    ['en_US', 'UTILITY', 'We will never ask for your password or card number.', []],
    ['en_US', 'UTILITY', 'Reply with the last 4 digits of your card number to confirm the payment.', []],
    ['en_IN', 'UTILITY', 'Please share your delivery address with PIN code.', []],
    ['en_US', 'UTILITY', 'Your new card ending in 4821 is active. Your PIN arrives by post.', []],
    ['es', 'UTILITY', 'Nunca compartas tu contraseña ni tu PIN con nadie.', []],
    ['pt_BR', 'UTILITY', 'Sua senha de atendimento é A23. Informe a senha de atendimento no balcão.', []],
    ['de', 'UTILITY', 'Geben Sie Ihre PIN niemals weiter. Wir fragen nie nach Ihrem Passwort.', []],
    ['fr', 'UTILITY', 'Ne communiquez jamais votre code confidentiel.', []],
    ['ru', 'UTILITY', 'Никому не сообщайте пароль и код из СМС.', []],
    ['tr', 'AUTHENTICATION', 'Şifrenizi kimseyle paylaşmayın.', []],
    ['ar', 'UTILITY', 'لا تشارك كلمة المرور مع أي شخص.', []],
    ['hi', 'UTILITY', 'अपना पिन किसी के साथ शेयर न करें।', []],
    ['id', 'UTILITY', 'Jangan berikan PIN atau kata sandi kepada siapa pun.', []],
  ],
);

family(
  'prohibited-commerce',
  [
    ['en_US', 'MARKETING', 'Buy 2 menus this week and enter our raffle for a trip to Paris!', ['raffle']],
    ['en_US', 'MARKETING', 'Get a payday loan in minutes, no credit check.', ['payday loan', 'no credit check']],
    ['es_MX', 'MARKETING', 'Te prestamos hasta $8,000 en 10 minutos, sin revisar buró de crédito.', ['sin revisar buró de crédito']],
    ['pt_BR', 'MARKETING', 'Aposte no Brasileirão e ganhe rodadas grátis no cassino.', ['Aposte', 'rodadas grátis', 'cassino']],
    ['it', 'MARKETING', 'Questa settimana i vini rossi sono scontati del 30%.', ['vini']],
    ['de', 'MARKETING', 'Zur Jagdsaison: Repetierbüchsen 15% günstiger, dazu Munition im 100er-Pack.', ['Repetierbüchsen', 'Munition']],
    ['fr', 'MARKETING', '-30 % sur nos cigarettes électroniques et e-liquides.', ['cigarettes électroniques', 'e-liquides']],
    ['ru', 'MARKETING', 'Стартовал пресейл токена: гарантированный доход до 300%.', ['пресейл токена', 'гарантированный доход']],
    ['id', 'MARKETING', 'Main slot online sekarang dapat bonus deposit 100%.', ['slot online', 'bonus deposit']],
    ['tr', 'MARKETING', 'Canlı bahis ve casino oyunlarında hoş geldin bonusu!', ['Canlı bahis', 'casino']],
    ['ar', 'MARKETING', 'العب في الكازينو واربح الجاكبوت!', ['الكازينو']],
    ['hi', 'MARKETING', 'IPL aa gaya! Hamare betting app par bet lagao.', ['betting app', 'bet lagao']],
    ['hi', 'UTILITY', 'आपकी लॉटरी का टिकट {{1}} बुक हो गया है।', ['लॉटरी']],
  ],
  [
    ['en_US', 'UTILITY', 'Your table for 2 at Gin Gin Kitchen is booked for {{1}}. The wine list is online.', []],
    ['en_US', 'MARKETING', 'Gin Gin Kitchen: our new lunch menu is here. Reply STOP to opt out.', []],
    ['en_US', 'UTILITY', 'Your Gunther headphones and the glue gun from order {{1}} have shipped.', []],
    ['en_US', 'MARKETING', 'New nude lipsticks and cocktail dresses are in. Reply STOP to opt out.', []],
    ['en_US', 'UTILITY', 'Your escorted tour of Rome starts on {{1}}, dating back to the 2nd century.', []],
    ['es', 'MARKETING', 'Arma tu combo y llévate un armario nuevo. Sin embargo, apostamos por la calidad.', []],
    ['pt_BR', 'UTILITY', 'Traga um acompanhante para a consulta de {{1}}. Álcool em gel disponível.', []],
    ['it', 'MARKETING', 'Il tuo slot di consegna è confermato: che casino di offerte!', []],
    ['de', 'UTILITY', 'Ihre Liquidität ist gesichert. Frische Waffeln gibt es ab {{1}}.', []],
    ['fr', 'UTILITY', 'Votre vol pour Paris du {{1}} est confirmé.', []],
    ['ru', 'UTILITY', 'Процентная ставка по вкладу {{1}}: 12%. Свободные слоты для записи на {{2}}.', []],
    ['id', 'UTILITY', 'Pesanan {{1}} sedang dikirim. Dengarkan podcast kami.', []],
    ['tr', 'UTILITY', 'Siparişiniz {{1}} biraz gecikecek.', []],
    ['ar', 'UTILITY', 'تم تأكيد الحجز على موقعنا. معقم خالي من الكحول.', []],
    ['hi', 'UTILITY', 'इस आधार पर आपका ऑर्डर {{1}} भेज दिया गया है।', []],
  ],
);

family(
  'abusive-content',
  [
    ['en_US', 'UTILITY', 'Your payment of {{1}} is overdue. Pay today or we will take legal action.', ['take legal action']],
    ['en_US', 'UTILITY', 'Pay {{1}} by Friday or we will inform your employer.', ['we will inform your employer']],
    ['es', 'UTILITY', 'Si no pagas hoy, informaremos a tu familia de tu deuda.', ['informaremos a tu familia']],
    ['pt_BR', 'UTILITY', 'Seu nome será exposto na lista de devedores.', ['Seu nome será exposto', 'lista de devedores']],
    ['it', 'UTILITY', 'Senza pagamento procederemo per vie legali.', ['vie legali']],
    ['de', 'UTILITY', 'Zahlen Sie bis morgen, andernfalls informieren wir Ihren Arbeitgeber.', ['informieren wir Ihren Arbeitgeber']],
    ['fr', 'UTILITY', 'Sans paiement, nous contacterons votre employeur.', ['nous contacterons votre employeur']],
    ['ru', 'UTILITY', 'Если не оплатите долг, мы сообщим вашему работодателю.', ['сообщим вашему работодателю']],
    ['id', 'UTILITY', 'Jika tidak membayar, kami akan menghubungi keluarga Anda.', ['kami akan menghubungi keluarga Anda']],
    ['tr', 'UTILITY', 'Ödeme yapılmazsa ailenize bildireceğiz.', ['ailenize bildireceğiz']],
    ['ar', 'UTILITY', 'إذا لم تسدد سنضيف اسمك إلى مجموعة المتأخرين.', ['سنضيف اسمك إلى مجموعة']],
    ['hi', 'UTILITY', 'भुगतान नहीं किया तो कानूनी कार्रवाई होगी।', ['कानूनी कार्रवाई']],
  ],
  [
    ['en_US', 'UTILITY', 'Your invoice {{1}} of {{2}} is due on {{3}}. Pay in the app.', []],
    ['en_US', 'UTILITY', 'Your photos from {{1}} are ready. Share them with your family.', []],
    ['en_US', 'UTILITY', 'Cardiac arrest training starts on {{1}} at the clinic.', []],
    ['es', 'UTILITY', 'Sin embargo, tu pedido {{1}} sigue en camino.', []],
    ['pt_BR', 'UTILITY', 'Seu boleto {{1}} vence em {{2}}. Pague pelo app.', []],
    ['it', 'UTILITY', 'La tua famiglia può ritirare il pacco {{1}}.', []],
    ['de', 'UTILITY', 'Ihre Rechnung {{1}} ist am {{2}} fällig.', []],
    ['fr', 'UTILITY', 'Saisie de votre code : ouvrez l\'application pour la commande {{1}}.', []],
    ['ru', 'UTILITY', 'Мы сообщим вам о статусе заказа {{1}}.', []],
    ['tr', 'UTILITY', 'Ailenizle birlikte {{1}} tarihinde bekliyoruz.', []],
    ['ar', 'UTILITY', 'تم الحجز على موقعنا لعائلتك في {{1}}.', []],
    ['hi', 'UTILITY', 'आपके परिवार के लिए बुकिंग {{1}} कन्फर्म है।', []],
  ],
);

family(
  'forward-to-groups',
  [
    ['en_US', 'MARKETING', 'Good news! Forward this message to all your groups.', ['Forward this message to all your groups']],
    ['es', 'MARKETING', 'Reenvía este mensaje a todos tus contactos.', ['Reenvía este mensaje a todos tus contactos']],
    ['pt_BR', 'MARKETING', 'Encaminhe esta mensagem para todos os seus grupos.', ['Encaminhe esta mensagem para todos os seus grupos']],
    ['it', 'MARKETING', 'Inoltra questo messaggio a tutti i tuoi gruppi.', ['Inoltra questo messaggio a tutti i tuoi gruppi']],
    ['de', 'MARKETING', 'Leite diese Nachricht weiter an alle deine Kontakte.', ['Leite diese Nachricht weiter an alle deine Kontakte']],
    ['fr', 'MARKETING', 'Transférez ce message à tous vos contacts.', ['Transférez ce message à tous vos contacts']],
    ['ru', 'MARKETING', 'Перешлите это сообщение всем своим контактам.', ['Перешлите это сообщение всем своим контактам']],
    ['id', 'MARKETING', 'Teruskan pesan ini ke semua grup.', ['Teruskan pesan ini ke semua grup']],
    ['tr', 'MARKETING', 'Bu mesajı tüm gruplarınıza iletin.', ['tüm gruplarınıza']],
    ['ar', 'MARKETING', 'أرسل هذه الرسالة إلى 10 مجموعات واحصل على هدية مجانية!', ['أرسل هذه الرسالة إلى 10 مجموعات']],
    ['hi', 'MARKETING', 'Is message ko sabhi groups mein forward karein.', ['sabhi groups mein forward karein']],
  ],
  [
    ['en_US', 'UTILITY', 'Your invoice {{1}} is attached. You can forward it to your accountant.', []],
    ['en_US', 'MARKETING', 'Invite a friend with code {{1}} and both get 10% off. Reply STOP to opt out.', []],
    ['en_US', 'UTILITY', 'Share your trip {{1}} with your family from the app.', []],
    ['es', 'UTILITY', 'Comparte tu ubicación con el repartidor del pedido {{1}}.', []],
    ['pt_BR', 'UTILITY', 'Encaminhamos seu pedido {{1}} para a transportadora.', []],
    ['it', 'UTILITY', 'Il tuo gruppo di viaggio {{1}} parte domani.', []],
    ['de', 'UTILITY', 'Ihre Gruppe {{1}} ist für Samstag bestätigt.', []],
    ['fr', 'UTILITY', 'Votre groupe {{1}} est confirmé pour samedi.', []],
    ['ru', 'UTILITY', 'Ваш заказ {{1}} передан в службу доставки.', []],
    ['ar', 'UTILITY', 'تم إرسال طلبك {{1}} إلى شركة الشحن.', []],
    ['hi', 'UTILITY', 'आपका ऑर्डर {{1}} भेज दिया गया है।', []],
  ],
);

family(
  'app-store-rating',
  [
    ['en_US', 'UTILITY', 'Your order {{1}} was delivered. Enjoying our app? Rate us on the App Store!', ['Rate us']],
    ['en_US', 'UTILITY', 'Your ride {{1}} is complete. Leave us a 5-star review!', ['5-star review']],
    ['es', 'UTILITY', 'Tu pedido {{1}} fue entregado. Califícanos en Google Play.', ['Califícanos']],
    ['pt_BR', 'UTILITY', 'Pedido {{1}} entregue! Avalie nosso app na Play Store.', ['Avalie nosso app']],
    ['it', 'UTILITY', 'Ordine {{1}} consegnato. Lasciaci una recensione su App Store.', ['Lasciaci una recensione']],
    ['de', 'UTILITY', 'Bestellung {{1}} zugestellt. Bewerte uns im App Store!', ['Bewerte uns']],
    ['fr', 'UTILITY', 'Commande {{1}} livrée. Laissez un avis sur Google Play.', ['Laissez un avis']],
    ['ru', 'UTILITY', 'Заказ {{1}} доставлен. Оцените приложение в App Store.', ['Оцените приложение']],
    ['id', 'UTILITY', 'Pesanan {{1}} sudah sampai. Beri rating di Play Store.', ['Beri rating']],
    ['tr', 'UTILITY', 'Siparişiniz {{1}} teslim edildi. Uygulamamızı App Store ve Google Play\'de 5 yıldızla değerlendirmeyi unutmayın!', ['5 yıldızla']],
    ['ar', 'UTILITY', 'تم توصيل طلبك {{1}}. قيمنا على Google Play.', ['قيمنا']],
    ['hi', 'UTILITY', 'Order {{1}} deliver ho gaya. Play Store par 5 star rating dein.', ['5 star rating']],
  ],
  [
    ['en_US', 'UTILITY', 'Your order {{1}} was delivered. How did we do? Reply with a rating from 1 to 5.', []],
    ['en_US', 'MARKETING', 'Enjoying the app? Rate us on the App Store! Reply STOP to opt out.', []],
    ['en_US', 'UTILITY', 'Your app update {{1}} is on the App Store.', []],
    ['es', 'UTILITY', 'Tu cita {{1}} fue completada. Califica la atención del 1 al 5.', []],
    ['pt_BR', 'UTILITY', 'Seu pedido {{1}} foi entregue. Como foi a entrega?', []],
    ['it', 'UTILITY', 'Il tuo hotel {{1}} a 4 stelle è confermato.', []],
    ['de', 'UTILITY', 'Ihr 4-Sterne-Hotel {{1}} ist bestätigt.', []],
    ['fr', 'UTILITY', 'Votre hôtel 5 étoiles {{1}} est confirmé.', []],
    ['ru', 'UTILITY', 'Ваш отель {{1}} 5 звёзд подтверждён.', []],
    ['tr', 'UTILITY', 'Siparişiniz {{1}} teslim edildi. Teslimatı değerlendirin.', []],
    ['hi', 'UTILITY', 'आपका ऑर्डर {{1}} डिलीवर हो गया।', []],
  ],
);

describe('options and settings', () => {
  it('escalates explicit threats to errors and keeps insults at warning', () => {
    const found = run('abusive-content', ['en_US', 'UTILITY', 'Pay now, deadbeat, or we will take legal action.', []]);
    expect(found.map((f) => [f.span, f.severity])).toEqual([
      ['deadbeat', 'warning'],
      ['take legal action', 'error'],
    ]);
  });
  it('reports commerce per category severity and allows categories per market', () => {
    const c: Case = ['de_DE', 'MARKETING', 'Neue Weine und Sportwetten.', []];
    expect(run('prohibited-commerce', c, { options: { severity: { gambling: 'error' } } }).map((f) => [f.span, f.severity])).toEqual([
      ['Weine', 'warning'],
      ['Sportwetten', 'error'],
    ]);
    expect(run('prohibited-commerce', c, { options: { allowByLanguage: { de_DE: ['alcohol'] } } }).map((f) => f.span)).toEqual(['Sportwetten']);
    expect(run('prohibited-commerce', c, { options: { allow: ['alcohol', 'gambling'] } })).toEqual([]);
  });
  it('reports alcohol in UTILITY only when the team asks for it', () => {
    const c: Case = ['en_US', 'UTILITY', 'Your wine subscription box {{1}} has shipped.', []];
    expect(run('prohibited-commerce', c)).toEqual([]);
    expect(run('prohibited-commerce', c, { options: { marketingOnly: [] } }).map((f) => f.span)).toEqual(['wine']);
  });
  it('uses team terms and the allow list', () => {
    const business = { terms: { gambling: { en: ['tombola'] }, allow: { en: ['Casino Royale'] } } };
    const c: Case = ['en_US', 'MARKETING', 'Tombola night and a Casino Royale screening!', []];
    expect(run('prohibited-commerce', c, { business }).map((f) => f.span)).toEqual(['Tombola']);
  });
  it('scans button labels', () => {
    expect(run('prohibited-commerce', ['it', 'MARKETING', 'Offerte della settimana.', []], { buttons: ['Ordina il vino'] }).map((f) => f.span)).toEqual(['vino']);
  });
  it('scans every language when the template has none', () => {
    const found = run('forbidden-request', ['', 'UTILITY', 'Envíanos tu contraseña.', []]);
    expect(found.map((f) => f.span)).toEqual(['contraseña']);
  });
  it('escalates a chain ask with a reward', () => {
    const found = run('forward-to-groups', ['en_US', 'MARKETING', 'Forward this message to 10 groups and win a free phone!', []]);
    expect(found.map((f) => [f.id, f.severity])).toEqual([['chainReward', 'warning']]);
  });
});
