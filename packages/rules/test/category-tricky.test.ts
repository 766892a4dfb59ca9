/**
 * Tricky cases for the category classifier, per language family: false-positive traps (words that
 * look promotional but report on a transaction) next to real promotions hidden in service messages.
 * U: stays UTILITY (no category finding). M: reads as MARKETING (category-mismatch). A: one-time
 * code content (category-otp-content).
 */
import { lint, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import categoryMismatch from '../src/rules/category-mismatch.js';
import categoryOtp from '../src/rules/category-otp-content.js';

type Expect = 'U' | 'M' | 'A';
const rules = [categoryMismatch, categoryOtp];
const config: ResolvedConfig = {
  baseDir: '/',
  files: [],
  rules: { 'category-mismatch': { severity: 'warning' }, 'category-otp-content': { severity: 'error' } },
  business: {},
  overrides: [],
  ignorePatterns: [],
} as unknown as ResolvedConfig;

function verdict(language: string, text: string, category = 'UTILITY'): { got: Expect; predicted: unknown; reasons: unknown } {
  const template = { name: 't', language, category, components: [{ type: 'BODY', text }] };
  const r = lint(JSON.stringify(template), { rules, config, format: 'json' });
  const ids = new Set(r.messages.map((m) => m.ruleId));
  const ann = r.templates[0]!.annotations.category as { predicted: string; reasons: string[] };
  return { got: ids.has('category-otp-content') ? 'A' : ids.has('category-mismatch') ? 'M' : 'U', predicted: ann.predicted, reasons: ann.reasons };
}

const CASES: Record<string, [string, Expect, string][]> = {
  'English (en)': [
    ['en', 'U', 'Good news, {{1}}! Free shipping has been applied to order #{{2}}, so your new total is {{3}}.'],
    ['en', 'U', 'Hi {{1}}, the sale of your car is complete. The buyer paid {{2}} on {{3}}.'],
    ['en', 'U', 'Hi {{1}}, our office is closed on {{2}}. Your appointment moves to {{3}}.'],
    ['en', 'U', 'Hi {{1}}, the freezer you ordered ({{2}}) will be delivered on {{3}}.'],
    ['en', 'U', 'Hi {{1}}, our offering hours for appointments changed; yours on {{2}} is unchanged.'],
    ['en', 'U', 'Hi {{1}}, your password was changed on {{2}}. Never share your OTP with anyone.'],
    ['en', 'U', 'Hi {{1}}, your order code is {{2}}. Show it at the counter to collect your parcel.'],
    ['en', 'U', 'Hi {{1}}, a 10% discount was applied to your order {{2}}. Your new total is {{3}}.'],
    ['en', 'U', 'Hi {{1}}, feel free to call our toll-free line about booking {{2}}.'],
    ['en', 'U', 'Hi {{1}}, your order {{2}} was delivered. How did we do? Rate your experience below.'],
    ['en', 'M', 'Hi {{1}}, your order {{2}} has shipped. Shop now for our summer collection!'],
    ['en', 'M', 'Hi {{1}}, you left something in your cart. Complete your purchase before it is gone.'],
    ['en', 'M', 'Happy birthday, {{1}}! Enjoy a special treat on us this week.'],
    ['en', 'M', 'Hi {{1}}, your subscription ends on {{2}}. Renew now and save 20%.'],
    ['en', 'M', 'Hi {{1}}, download our app to track order {{2}} and get exclusive deals.'],
    ['en', 'M', 'Hi {{1}}, get 20% off today with code SAVE20.'],
    ['en', 'A', 'Your verification code is {{1}}. It expires in 10 minutes.'],
    ['en', 'A', '{{1}} is your login code for Acme. Do not share this code.'],
    ['en', 'U', 'Hi {{1}}, use code {{2}} to open your parcel locker at {{3}}.'],
  ],
  'Romance (es, pt, it, fr)': [
    ['es', 'U', 'Hola {{1}}, tu saldo disponible es de {{2}}. Recarga para seguir navegando.'],
    ['es', 'U', 'Hola {{1}}, el envío gratis se aplicó a tu pedido {{2}}. Nuevo total: {{3}}.'],
    ['es', 'U', 'Hola {{1}}, tu código de pedido es {{2}}. Preséntalo en la tienda.'],
    ['es', 'M', 'Hola {{1}}, tu pedido {{2}} ya salió. Aprovecha un 15% de descuento en tu próxima compra.'],
    ['es', 'A', 'Tu código de verificación es {{1}}. No lo compartas con nadie.'],
    ['pt', 'U', 'Olá {{1}}, o seu saldo é de {{2}}. Recarregue para evitar interrupções.'],
    ['pt', 'U', 'Olá {{1}}, o frete grátis foi aplicado ao seu pedido #{{2}} e o novo total ficou em {{3}}.'],
    ['pt', 'U', 'Olá {{1}}, informe o código do pedido {{2}} na retirada.'],
    ['pt', 'M', 'Olá {{1}}, seu pedido {{2}} saiu para entrega. Aproveite também as promoções da semana!'],
    ['pt', 'M', 'Olá {{1}}, seu carrinho está esperando! Finalize sua compra com frete grátis.'],
    ['pt', 'A', 'Seu código de verificação é {{1}}. Não compartilhe este código.'],
    ['it', 'U', 'Ciao {{1}}, il saldo del tuo conto è di {{2}} al {{3}}.'],
    ['it', 'U', 'Ciao {{1}}, lo sconto è stato applicato al tuo ordine {{2}}. Nuovo totale: {{3}}.'],
    ['it', 'M', 'Ciao {{1}}, il tuo ordine {{2}} è in arrivo! Approfitta del 10% di sconto sul prossimo acquisto.'],
    ['it', 'M', 'Ciao {{1}}, il tuo abbonamento scade il {{2}}. Rinnova ora con il 20% di sconto.'],
    ['fr', 'U', 'Bonjour {{1}}, le solde de votre compte est de {{2}}.'],
    ['fr', 'U', 'Bonjour {{1}}, présentez votre code de retrait {{2}} au comptoir.'],
    ['fr', 'M', 'Bonjour {{1}}, votre rendez-vous est le {{2}}. Profitez de -20 % sur nos soins ce mois-ci !'],
    ['fr', 'A', 'Votre code de vérification est {{1}}. Ne le communiquez à personne.'],
  ],
  'Germanic (de)': [
    ['de', 'U', 'Hallo {{1}}, dein Paket {{2}} wurde zugestellt.'],
    ['de', 'U', 'Hallo {{1}}, der Rabatt wurde bereits abgezogen. Neuer Gesamtbetrag: {{2}}.'],
    ['de', 'U', 'Guten Tag {{1}}, Ihr Abholcode für Bestellung {{2}} lautet {{3}}.'],
    ['de', 'U', 'Hallo {{1}}, unser Büro ist am {{2}} geschlossen. Ihr Termin wird verschoben.'],
    ['de', 'U', 'Hallo {{1}}, rufen Sie bei Fragen zu Rechnung {{2}} unsere kostenlose Rufnummer an.'],
    ['de', 'M', 'Hallo {{1}}, dein Warenkorb wartet noch auf dich. Sichere dir jetzt 5% Rabatt.'],
    ['de', 'M', 'Hallo {{1}}, deine Bestellung {{2}} ist unterwegs. Entdecke unsere neue Kollektion!'],
    ['de', 'M', 'Hallo {{1}}, deine Bestellung {{2}} ist bestätigt. Mit dem Gutscheincode DANKE10 sparst du beim nächsten Einkauf.'],
    ['de', 'A', 'Dein Bestätigungscode lautet {{1}}. Gib diesen Code nicht weiter.'],
    ['de', 'U', 'Hallo {{1}}, deine Rückerstattung über {{2}} wurde am {{3}} veranlasst.'],
    ['de', 'U', 'Guten Tag {{1}}, wegen Wartungsarbeiten ist Ihr Anschluss am {{2}} nicht verfügbar.'],
    ['de', 'U', 'Hallo {{1}}, Ihr Zug {{2}} hat etwa {{3}} Minuten Verspätung. Ihre Reservierung bleibt gültig.'],
    ['de', 'U', 'Hallo {{1}}, der Verkauf Ihres Fahrzeugs {{2}} ist abgeschlossen.'],
    ['de', 'M', 'Hallo {{1}}, Ihr Termin ist am {{2}}. Jetzt neu: 20% Rabatt auf alle Zahnreinigungen!'],
    ['de', 'M', 'Frohe Weihnachten, {{1}}! Wir wünschen dir schöne Feiertage.'],
    ['de', 'M', 'Hallo {{1}}, dein Abo endet am {{2}}. Jetzt verlängern und 3 Monate gratis sichern.'],
    ['de', 'M', 'Hallo {{1}}, Ihre Bestellung {{2}} ist da. Das könnte Ihnen auch gefallen: unsere Sommerkollektion.'],
    ['de', 'A', 'Ihr Einmalpasswort für das Online-Banking lautet {{1}}.'],
  ],
  'Slavic (ru)': [
    ['ru', 'U', 'Здравствуйте, {{1}}! Скидка уже применена к заказу {{2}}, итоговая сумма {{3}}.'],
    ['ru', 'U', 'Здравствуйте, {{1}}! Ваш код заказа {{2}}. Покажите его в пункте выдачи.'],
    ['ru', 'U', 'Здравствуйте, {{1}}. Пароль от вашего интернет-банка был изменён {{2}}.'],
    ['ru', 'U', 'Здравствуйте, {{1}}! Собрание акционеров состоится {{2}}.'],
    ['ru', 'U', 'Здравствуйте, {{1}}! Звоните на бесплатный номер по вопросам заказа {{2}}.'],
    ['ru', 'M', 'Здравствуйте, {{1}}! Ваш заказ {{2}} доставлен. Следующий заказ со скидкой 15% по промокоду СНОВА15.'],
    ['ru', 'M', 'Здравствуйте, {{1}}! В вашей корзине остались товары. Завершите покупку сегодня.'],
    ['ru', 'M', 'С днём рождения, {{1}}! Дарим вам подарок.'],
    ['ru', 'A', 'Ваш код подтверждения: {{1}}. Никому не сообщайте его.'],
    ['ru', 'U', 'Здравствуйте, {{1}}! Мы получили оплату {{2}} за курс. Первое занятие {{3}}.'],
    ['ru', 'U', 'Здравствуйте, {{1}}! Ваш рейс {{2}} задерживается на {{3}} минут.'],
    ['ru', 'U', 'Уважаемый {{1}}, регистрация на рейс {{2}} уже открыта.'],
    ['ru', 'U', 'Здравствуйте, {{1}}! Бонусы за заказ {{2}} уже начислены на ваш счёт.'],
    ['ru', 'M', 'Здравствуйте, {{1}}! Ваш заказ {{2}} передан курьеру. Не пропустите распродажу до конца недели!'],
    ['ru', 'M', 'Здравствуйте, {{1}}! Скачайте наше приложение и получите скидку на первый заказ.'],
    ['ru', 'M', 'Здравствуйте, {{1}}! Продлите подписку сейчас и получите месяц в подарок.'],
    ['ru', 'A', 'Одноразовый пароль для входа: {{1}}. Действует 5 минут.'],
  ],
  'Indonesian (id)': [
    ['id', 'U', 'Halo {{1}}, saldo Anda saat ini {{2}}. Isi ulang sebelum {{3}}.'],
    ['id', 'U', 'Halo {{1}}, tunjukkan kode pengambilan {{2}} kepada petugas.'],
    ['id', 'U', 'Halo {{1}}, jika ini bukan Anda, segera hubungi kami. Kata sandi diubah pada {{2}}.'],
    ['id', 'U', 'Halo {{1}}, diskon sudah diterapkan pada pesanan {{2}}. Total baru {{3}}.'],
    ['id', 'M', 'Halo {{1}}, pesanan {{2}} telah dikonfirmasi. Dapatkan diskon 10% untuk pembelian berikutnya.'],
    ['id', 'M', 'Halo {{1}}, barang di keranjangmu menunggu. Buruan checkout sekarang!'],
    ['id', 'M', 'Halo {{1}}, paket {{2}} sudah dikirim. Download aplikasi kami untuk promo spesial.'],
    ['id', 'A', 'Kode OTP Anda adalah {{1}}. Jangan berikan kode ini kepada siapa pun.'],
    ['id', 'U', 'Halo {{1}}, pembayaran sebesar {{2}} untuk pesanan {{3}} sudah kami terima.'],
    ['id', 'U', 'Halo {{1}}, jadwal perawatan Anda di klinik pada {{2}} pukul {{3}}.'],
    ['id', 'U', 'Halo {{1}}, tagihan internet bulan {{2}} sebesar {{3}} jatuh tempo pada {{4}}.'],
    ['id', 'U', 'Halo {{1}}, penerbangan {{2}} mengalami keterlambatan. Reservasi Anda tetap berlaku.'],
    ['id', 'M', 'Halo {{1}}, pesanan {{2}} sedang dikirim. Jangan lewatkan flash sale besok jam 12!'],
    ['id', 'M', 'Selamat ulang tahun {{1}}! Ada hadiah spesial untukmu.'],
    ['id', 'M', 'Halo {{1}}, langganan Anda berakhir {{2}}. Perpanjang sekarang dan hemat 30%.'],
    ['id', 'A', 'Kode verifikasi untuk akun Anda adalah {{1}}. Berlaku 5 menit.'],
  ],
  'Turkish (tr)': [
    ['tr', 'U', 'Merhaba {{1}}, {{2}} numaralı siparişiniz kargoya verildi.'],
    ['tr', 'U', 'Merhaba {{1}}, indirim siparişinize uygulandı. Yeni tutar {{2}}.'],
    ['tr', 'U', 'Merhaba {{1}}, sipariş kodu {{2}} ile mağazadan teslim alabilirsiniz.'],
    ['tr', 'U', 'Sayın {{1}}, faturanızın tutarı {{2}}, %18 KDV dahildir.'],
    ['tr', 'M', 'Merhaba {{1}}, siparişiniz kargoya verildi. Bir sonraki alışverişinizde %10 indirim için KARGO10 kodunu kullanın.'],
    ['tr', 'M', 'Merhaba {{1}}, sepetinizde ürünler var. Alışverişinizi tamamlayın, kaçırmayın!'],
    ['tr', 'A', 'Doğrulama kodunuz {{1}}. Bu kodu kimseyle paylaşmayın.'],
    ['tr', 'U', 'Merhaba {{1}}, {{2}} tarihli randevunuz talebiniz üzerine iptal edilmiştir.'],
    ['tr', 'U', 'Sayın {{1}}, bakım çalışması nedeniyle {{2}} tarihinde elektrik kesintisi yapılacaktır.'],
    ['tr', 'U', 'Merhaba {{1}}, internet bankacılığı şifreniz {{2}} tarihinde değiştirildi.'],
    ['tr', 'U', 'Merhaba {{1}}, iade talebiniz onaylandı. Tutar {{2}} gün içinde hesabınıza yansıtılacak.'],
    ['tr', 'M', 'Merhaba {{1}}, yeni sezon ürünlerimiz mağazalarda! Hemen keşfedin.'],
    ['tr', 'M', 'Merhaba {{1}}, siparişiniz teslim edildi. Uygulamamızı indirin, ilk alışverişe özel kupon kazanın.'],
    ['tr', 'M', 'İyi bayramlar {{1}}! Bayrama özel tüm ürünlerde %20 indirim.'],
    ['tr', 'M', 'Merhaba {{1}}, üyeliğiniz {{2}} tarihinde bitiyor. Hemen yenileyin, %15 indirim kazanın.'],
    ['tr', 'A', 'Tek kullanımlık şifreniz {{1}}. Kimseyle paylaşmayınız.'],
  ],
  'Arabic (ar)': [
    ['ar', 'U', 'مرحبا {{1}}، تم شحن طلبك رقم {{2}} وسيصل خلال يومين.'],
    ['ar', 'U', 'مرحبا {{1}}، اضغط لعرض تفاصيل طلبك رقم {{2}}.'],
    ['ar', 'U', 'مرحبا {{1}}، تم تطبيق الخصم على طلبك رقم {{2}}. المبلغ الجديد {{3}}.'],
    ['ar', 'U', 'مرحبا {{1}}، أظهر رمز الاستلام {{2}} للمندوب.'],
    ['ar', 'M', 'مرحبا {{1}}، تم شحن طلبك {{2}}. احصل على خصم 20% على طلبك القادم.'],
    ['ar', 'M', 'عيد مبارك {{1}}! تسوق الآن واستمتع بعروضنا.'],
    ['ar', 'A', 'رمز التحقق الخاص بك هو {{1}}. لا تشارك هذا الرمز.'],
    ['ar', 'U', 'مرحبا {{1}}، نذكرك بموعدك في العيادة يوم {{2}} الساعة {{3}}.'],
    ['ar', 'U', 'مرحبا {{1}}، فاتورتك رقم {{2}} بمبلغ {{3}} مستحقة في {{4}}.'],
    ['ar', 'U', 'مرحبا {{1}}، تم تغيير كلمة المرور لحسابك في {{2}}. إذا لم تكن أنت، اتصل بنا.'],
    ['ar', 'U', 'مرحبا {{1}}، تم إلغاء حجزك رقم {{2}} وسيتم استرداد المبلغ خلال 5 أيام.'],
    ['ar', 'M', 'مرحبا {{1}}، وصلت تشكيلة جديدة! اكتشف تشكيلتنا الآن.'],
    ['ar', 'M', 'رمضان كريم {{1}}! استخدم كود الخصم RAMADAN للحصول على خصم 15%.'],
    ['ar', 'M', 'مرحبا {{1}}، سلتك بانتظارك! أكمل عملية الشراء الآن.'],
    ['ar', 'M', 'مرحبا {{1}}، حمل تطبيقنا واحصل على توصيل مجاني لفترة محدودة.'],
    ['ar', 'A', 'كلمة المرور لمرة واحدة الخاصة بك هي {{1}}.'],
  ],
  'Indic (hi, Hinglish)': [
    ['hi', 'U', 'नमस्ते {{1}}, आपका ऑर्डर {{2}} भेज दिया गया है।'],
    ['hi', 'U', 'नमस्ते {{1}}, छूट आपके ऑर्डर {{2}} पर लागू कर दी गई है।'],
    ['hi', 'U', 'नमस्ते {{1}}, अपना ओटीपी किसी के साथ साझा न करें। आपका पासवर्ड {{2}} को बदला गया।'],
    ['hi', 'U', 'नमस्ते {{1}}, बुकिंग {{2}} के लिए हमारे टोल फ्री नंबर पर कॉल करें।'],
    ['hi', 'M', 'नमस्ते {{1}}, आपका ऑर्डर {{2}} भेज दिया गया है। अगली खरीद पर 20% छूट पाएं।'],
    ['hi', 'M', 'दिवाली की शुभकामनाएं {{1}}! अभी खरीदें और बचाएं।'],
    ['hi', 'A', 'आपका सत्यापन कोड {{1}} है। इसे किसी के साथ साझा न करें।'],
    ['en', 'U', 'Hi {{1}}, aapka order {{2}} deliver ho gaya hai. Free delivery aapke order par lagu kar di gayi hai.'],
    ['en', 'U', 'Hi {{1}}, apna OTP kisi ke saath share na karein. Aapka password {{2}} ko badla gaya.'],
    ['en', 'M', 'Hi {{1}}, aapka order {{2}} deliver ho gaya. Agli kharid par 20% tak ki chhoot paayein!'],
    ['hi', 'M', 'Namaste {{1}}, sirf aaj ke liye dhamaka sale! Abhi kharidein.'],
    ['en', 'A', 'Aapka OTP hai {{1}}. Ise kisi ke saath share na karein.'],
    ['hi', 'U', 'नमस्ते {{1}}, आपकी बुकिंग {{2}} की पुष्टि हो गई है।'],
    ['hi', 'U', 'नमस्ते {{1}}, आपका बिल {{2}} की देय तिथि {{3}} है।'],
    ['hi', 'M', 'नमस्ते {{1}}, सीमित समय के लिए सभी उत्पादों पर भारी छूट! जल्दी करें।'],
    ['hi', 'A', 'आपका ओटीपी {{1}} है। यह 10 मिनट के लिए मान्य है।'],
  ],
};

describe.each(Object.entries(CASES))('%s', (_family, cases) => {
  it.each(cases.map((c, i) => [i + 1, ...c] as const))('case %i (%s, expect %s): %s', (_i, lang, want, text) => {
    const v = verdict(lang, text);
    expect({ got: v.got, text }, JSON.stringify(v.reasons)).toEqual({ got: want, text });
  });
});

describe('declared MARKETING', () => {
  it('never reports promotional content', () => {
    expect(verdict('en', 'Get 20% off everything today, {{1}}! Shop now.', 'MARKETING').got).toBe('U');
  });
  it('still reports a verification code (Meta rejects it)', () => {
    expect(verdict('fr', 'Votre code de vérification Boutique Lune est {{1}}. Il expire dans 10 minutes.', 'MARKETING').got).toBe('A');
  });
});
