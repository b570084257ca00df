// The words of the emails (issue 12): the shopper's in English, French, German and Spanish, the
// merchant's in English. Keys are stable; every language has every key with the same {placeholders}
// (app/i18n/email-messages.test.ts). The register is the shopper screens' (app/i18n/shopper-messages.ts):
// German "Sie", French "vous", Spanish "tú". A denial's clause is not written here: the words kept
// with the denial are used (docs/decisions/023-denial-clauses-kept-with-the-denial.md).
// Values are plain text; the renderer escapes them for HTML.

import { SHOPPER_LANGUAGES, type ShopperLanguage } from "./shopper-messages";

const en = {
  "common.greeting": "Hello {name},",
  "common.greeting_anonymous": "Hello,",
  "common.view_claim": "View your claim",
  "common.footer":
    "You are receiving this email about your claim #{number} with {shop}. Reply to it to reach the store.",
  "common.item": "{quantity} × {title}",
  "common.unnamed_item": "an item",
  "common.order": "Order {order}",
  "common.store_message": "A message from the store:",
  "resolution.refund": "refund",
  "resolution.replacement": "replacement",
  "resolution.repair": "repair",

  "claim_received.subject": "We received your claim #{number}",
  "claim_received.intro": "{shop} received your claim #{number} about these items:",
  "claim_received.promise": "The store will respond by {deadline}.",
  "claim_received.next": "You do not need to do anything now: we will email you when the store responds.",

  "info_requested.subject": "Claim #{number}: the store has a question",
  "info_requested.intro": "{shop} needs more information about your claim #{number}. Their message:",
  "info_requested.next": "Answer on your claim's page. The store's time to respond is paused until you reply.",

  "claim_approved.subject": "Your claim #{number} is approved",
  "claim_approved.subject_partial": "Your claim #{number} is partly approved",
  "claim_approved.intro": "Good news: {shop} approved your claim #{number}.",
  "claim_approved.intro_partial": "{shop} approved part of your claim #{number}.",
  "claim_approved.approved": "Approved:",
  "claim_approved.approved_item": "{item}: {resolution}",
  "claim_approved.not_covered": "Not covered:",
  "claim_approved.no_return": "You do not need to send anything back. We will email you when your claim is resolved.",
  "claim_approved.already_back":
    "The store already has the items: it will check them and we will email you when your claim is resolved.",
  "claim_approved.return_by_shop": "{shop} will send you a separate email about sending the items back.",

  "return.heading": "How to send the items back",
  "return.send_to": "Send to {name}:",
  "return.send_to_unnamed": "Send to this address:",
  "return.address_on_page": "You find the address on your claim's page.",
  "return.include": "Include: {parts}",
  "return.overseas":
    "Only this address takes these items back: please do not send them to another of the store's warehouses.",
  "return.tracked": "Please use a tracked shipping service: a return lost on the way is not covered.",
  "return.paid_by_merchant": "The store pays for the return shipping.",
  "return.paid_by_customer": "You pay for the return shipping.",
  "return.tracking_next": "Once the parcel is on its way, add its tracking number on your claim's page.",

  "return_received.subject": "Claim #{number}: your return arrived",
  "return_received.intro": "{shop} received the items you sent back for your claim #{number}.",
  "return_received.next": "The store is checking them now: we will email you when your claim is resolved.",

  "claim_resolved.subject": "Your claim #{number} is resolved",
  "claim_resolved.intro": "{shop} resolved your claim #{number}:",
  "outcome.refunded": "{item}: refunded",
  "outcome.replaced": "{item}: replaced",
  "outcome.repaired": "{item}: repaired",
  "outcome.out_of_stock": "{item}: the replacement is out of stock, so it is refunded instead",
  "outcome.repair_impossible": "{item}: it cannot be repaired, so it is refunded instead",
  "refund.total": "Your refund: {amount}",
  "refund.to": "{amount} back to {method}",
  "refund.timing": "Depending on your bank, the refund can take a few business days to appear.",
  "refund.told_by_shop": "The store sends you the refund's details in a separate email.",
  "method.card": "the card you paid with",
  "method.gift_card": "your gift card",
  "method.paypal": "your PayPal account",
  "method.manual": "a payment the store makes to you directly",
  "method.other": "the payment method you used ({gateway})",
  "replacement.order": "Your replacement comes as a new order: {order}.",
  "repair.notes": "About the repair:",

  "claim_denied.subject": "Your claim #{number} was not approved",
  "claim_denied.intro": "{shop} reviewed your claim #{number} and cannot approve it:",
  "claim_denied.item": "{item}: {clause}",
  "claim_denied.next": "If you have a question about this decision, reply to this email.",
} as const;

export type EmailMessageKey = keyof typeof en;
type Catalogue = Readonly<Record<EmailMessageKey, string>>;

const fr: Catalogue = {
  "common.greeting": "Bonjour {name},",
  "common.greeting_anonymous": "Bonjour,",
  "common.view_claim": "Voir votre réclamation",
  "common.footer":
    "Vous recevez cet e-mail au sujet de votre réclamation n° {number} auprès de {shop}. Répondez-y pour contacter la boutique.",
  "common.item": "{quantity} × {title}",
  "common.unnamed_item": "un article",
  "common.order": "Commande {order}",
  "common.store_message": "Un message de la boutique :",
  "resolution.refund": "remboursement",
  "resolution.replacement": "remplacement",
  "resolution.repair": "réparation",

  "claim_received.subject": "Nous avons bien reçu votre réclamation n° {number}",
  "claim_received.intro": "{shop} a bien reçu votre réclamation n° {number} concernant ces articles :",
  "claim_received.promise": "La boutique vous répondra d'ici le {deadline}.",
  "claim_received.next":
    "Vous n'avez rien à faire pour l'instant : nous vous écrirons dès que la boutique aura répondu.",

  "info_requested.subject": "Réclamation n° {number} : la boutique a une question",
  "info_requested.intro":
    "{shop} a besoin de plus d'informations sur votre réclamation n° {number}. Voici son message :",
  "info_requested.next":
    "Répondez sur la page de votre réclamation. Le délai de réponse de la boutique est suspendu jusqu'à votre réponse.",

  "claim_approved.subject": "Votre réclamation n° {number} est acceptée",
  "claim_approved.subject_partial": "Votre réclamation n° {number} est acceptée en partie",
  "claim_approved.intro": "Bonne nouvelle : {shop} a accepté votre réclamation n° {number}.",
  "claim_approved.intro_partial": "{shop} a accepté une partie de votre réclamation n° {number}.",
  "claim_approved.approved": "Accepté :",
  "claim_approved.approved_item": "{item} : {resolution}",
  "claim_approved.not_covered": "Non couvert :",
  "claim_approved.no_return": "Vous n'avez rien à renvoyer. Nous vous écrirons dès que votre réclamation sera réglée.",
  "claim_approved.already_back":
    "La boutique a déjà reçu les articles : elle va les vérifier et nous vous écrirons dès que votre réclamation sera réglée.",
  "claim_approved.return_by_shop": "{shop} vous enverra un e-mail séparé pour le renvoi des articles.",

  "return.heading": "Comment renvoyer les articles",
  "return.send_to": "À envoyer à {name} :",
  "return.send_to_unnamed": "À envoyer à cette adresse :",
  "return.address_on_page": "Vous trouverez l'adresse sur la page de votre réclamation.",
  "return.include": "À joindre : {parts}",
  "return.overseas":
    "Seule cette adresse accepte le retour de ces articles : ne les envoyez pas à un autre entrepôt de la boutique.",
  "return.tracked": "Utilisez un envoi avec suivi : un retour perdu en chemin n'est pas couvert.",
  "return.paid_by_merchant": "La boutique prend en charge les frais de retour.",
  "return.paid_by_customer": "Les frais de retour sont à votre charge.",
  "return.tracking_next": "Dès que le colis est parti, ajoutez son numéro de suivi sur la page de votre réclamation.",

  "return_received.subject": "Réclamation n° {number} : votre retour est arrivé",
  "return_received.intro": "{shop} a reçu les articles que vous avez renvoyés pour votre réclamation n° {number}.",
  "return_received.next": "La boutique les vérifie : nous vous écrirons dès que votre réclamation sera réglée.",

  "claim_resolved.subject": "Votre réclamation n° {number} est réglée",
  "claim_resolved.intro": "{shop} a réglé votre réclamation n° {number} :",
  "outcome.refunded": "{item} : remboursé",
  "outcome.replaced": "{item} : remplacé",
  "outcome.repaired": "{item} : réparé",
  "outcome.out_of_stock": "{item} : le remplacement est en rupture de stock, il est donc remboursé",
  "outcome.repair_impossible": "{item} : la réparation est impossible, il est donc remboursé",
  "refund.total": "Votre remboursement : {amount}",
  "refund.to": "{amount} sur {method}",
  "refund.timing": "Selon votre banque, le remboursement peut mettre quelques jours ouvrés à apparaître.",
  "refund.told_by_shop": "La boutique vous envoie le détail du remboursement dans un e-mail séparé.",
  "method.card": "la carte avec laquelle vous avez payé",
  "method.gift_card": "votre carte-cadeau",
  "method.paypal": "votre compte PayPal",
  "method.manual": "un paiement que la boutique vous fait directement",
  "method.other": "le moyen de paiement utilisé ({gateway})",
  "replacement.order": "Votre article de remplacement arrive avec une nouvelle commande : {order}.",
  "repair.notes": "À propos de la réparation :",

  "claim_denied.subject": "Votre réclamation n° {number} n'est pas acceptée",
  "claim_denied.intro": "{shop} a examiné votre réclamation n° {number} et ne peut pas l'accepter :",
  "claim_denied.item": "{item} : {clause}",
  "claim_denied.next": "Si vous avez une question sur cette décision, répondez à cet e-mail.",
};

const de: Catalogue = {
  "common.greeting": "Guten Tag {name},",
  "common.greeting_anonymous": "Guten Tag,",
  "common.view_claim": "Ihre Reklamation ansehen",
  "common.footer":
    "Sie erhalten diese E-Mail zu Ihrer Reklamation Nr. {number} bei {shop}. Antworten Sie darauf, um den Shop zu erreichen.",
  "common.item": "{quantity} × {title}",
  "common.unnamed_item": "ein Artikel",
  "common.order": "Bestellung {order}",
  "common.store_message": "Eine Nachricht des Shops:",
  "resolution.refund": "Erstattung",
  "resolution.replacement": "Ersatz",
  "resolution.repair": "Reparatur",

  "claim_received.subject": "Wir haben Ihre Reklamation Nr. {number} erhalten",
  "claim_received.intro": "{shop} hat Ihre Reklamation Nr. {number} zu diesen Artikeln erhalten:",
  "claim_received.promise": "Der Shop antwortet Ihnen bis {deadline}.",
  "claim_received.next": "Sie müssen jetzt nichts tun: Wir schreiben Ihnen, sobald der Shop geantwortet hat.",

  "info_requested.subject": "Reklamation Nr. {number}: Der Shop hat eine Frage",
  "info_requested.intro": "{shop} benötigt weitere Informationen zu Ihrer Reklamation Nr. {number}. Die Nachricht:",
  "info_requested.next":
    "Antworten Sie auf der Seite Ihrer Reklamation. Die Antwortfrist des Shops ruht, bis Sie geantwortet haben.",

  "claim_approved.subject": "Ihre Reklamation Nr. {number} wurde angenommen",
  "claim_approved.subject_partial": "Ihre Reklamation Nr. {number} wurde teilweise angenommen",
  "claim_approved.intro": "Gute Nachricht: {shop} hat Ihre Reklamation Nr. {number} angenommen.",
  "claim_approved.intro_partial": "{shop} hat Ihre Reklamation Nr. {number} teilweise angenommen.",
  "claim_approved.approved": "Angenommen:",
  "claim_approved.approved_item": "{item}: {resolution}",
  "claim_approved.not_covered": "Nicht abgedeckt:",
  "claim_approved.no_return":
    "Sie müssen nichts zurücksenden. Wir schreiben Ihnen, sobald Ihre Reklamation erledigt ist.",
  "claim_approved.already_back":
    "Der Shop hat die Artikel bereits: Er prüft sie, und wir schreiben Ihnen, sobald Ihre Reklamation erledigt ist.",
  "claim_approved.return_by_shop": "{shop} schickt Ihnen eine eigene E-Mail zur Rücksendung der Artikel.",

  "return.heading": "So senden Sie die Artikel zurück",
  "return.send_to": "Senden an {name}:",
  "return.send_to_unnamed": "Senden an diese Adresse:",
  "return.address_on_page": "Die Adresse finden Sie auf der Seite Ihrer Reklamation.",
  "return.include": "Bitte beilegen: {parts}",
  "return.overseas":
    "Nur diese Adresse nimmt diese Artikel zurück: Bitte senden Sie sie nicht an ein anderes Lager des Shops.",
  "return.tracked":
    "Bitte verwenden Sie einen Versand mit Sendungsverfolgung: Eine unterwegs verlorene Rücksendung ist nicht abgedeckt.",
  "return.paid_by_merchant": "Der Shop übernimmt die Kosten der Rücksendung.",
  "return.paid_by_customer": "Die Kosten der Rücksendung tragen Sie.",
  "return.tracking_next":
    "Sobald das Paket unterwegs ist, tragen Sie die Sendungsnummer auf der Seite Ihrer Reklamation ein.",

  "return_received.subject": "Reklamation Nr. {number}: Ihre Rücksendung ist angekommen",
  "return_received.intro":
    "{shop} hat die Artikel erhalten, die Sie für Ihre Reklamation Nr. {number} zurückgesendet haben.",
  "return_received.next": "Der Shop prüft sie jetzt: Wir schreiben Ihnen, sobald Ihre Reklamation erledigt ist.",

  "claim_resolved.subject": "Ihre Reklamation Nr. {number} ist erledigt",
  "claim_resolved.intro": "{shop} hat Ihre Reklamation Nr. {number} erledigt:",
  "outcome.refunded": "{item}: erstattet",
  "outcome.replaced": "{item}: ersetzt",
  "outcome.repaired": "{item}: repariert",
  "outcome.out_of_stock": "{item}: Der Ersatz ist nicht vorrätig, daher wird der Artikel erstattet",
  "outcome.repair_impossible": "{item}: Eine Reparatur ist nicht möglich, daher wird der Artikel erstattet",
  "refund.total": "Ihre Erstattung: {amount}",
  "refund.to": "{amount} zurück auf {method}",
  "refund.timing": "Je nach Bank kann es einige Werktage dauern, bis die Erstattung sichtbar ist.",
  "refund.told_by_shop": "Die Einzelheiten der Erstattung schickt Ihnen der Shop in einer eigenen E-Mail.",
  "method.card": "die Karte, mit der Sie bezahlt haben",
  "method.gift_card": "Ihre Geschenkkarte",
  "method.paypal": "Ihr PayPal-Konto",
  "method.manual": "eine Zahlung, die der Shop direkt an Sie leistet",
  "method.other": "die verwendete Zahlungsart ({gateway})",
  "replacement.order": "Ihr Ersatz kommt mit einer neuen Bestellung: {order}.",
  "repair.notes": "Zur Reparatur:",

  "claim_denied.subject": "Ihre Reklamation Nr. {number} wurde nicht angenommen",
  "claim_denied.intro": "{shop} hat Ihre Reklamation Nr. {number} geprüft und kann sie nicht annehmen:",
  "claim_denied.item": "{item}: {clause}",
  "claim_denied.next": "Wenn Sie eine Frage zu dieser Entscheidung haben, antworten Sie auf diese E-Mail.",
};

const es: Catalogue = {
  "common.greeting": "Hola, {name}:",
  "common.greeting_anonymous": "Hola:",
  "common.view_claim": "Ver tu reclamación",
  "common.footer":
    "Recibes este correo por tu reclamación n.º {number} en {shop}. Respóndelo para contactar con la tienda.",
  "common.item": "{quantity} × {title}",
  "common.unnamed_item": "un artículo",
  "common.order": "Pedido {order}",
  "common.store_message": "Un mensaje de la tienda:",
  "resolution.refund": "reembolso",
  "resolution.replacement": "sustitución",
  "resolution.repair": "reparación",

  "claim_received.subject": "Hemos recibido tu reclamación n.º {number}",
  "claim_received.intro": "{shop} ha recibido tu reclamación n.º {number} sobre estos artículos:",
  "claim_received.promise": "La tienda te responderá antes del {deadline}.",
  "claim_received.next": "No tienes que hacer nada por ahora: te escribiremos cuando la tienda responda.",

  "info_requested.subject": "Reclamación n.º {number}: la tienda tiene una pregunta",
  "info_requested.intro": "{shop} necesita más información sobre tu reclamación n.º {number}. Su mensaje:",
  "info_requested.next":
    "Responde en la página de tu reclamación. El plazo de respuesta de la tienda queda en pausa hasta que respondas.",

  "claim_approved.subject": "Tu reclamación n.º {number} ha sido aceptada",
  "claim_approved.subject_partial": "Tu reclamación n.º {number} ha sido aceptada en parte",
  "claim_approved.intro": "Buenas noticias: {shop} ha aceptado tu reclamación n.º {number}.",
  "claim_approved.intro_partial": "{shop} ha aceptado parte de tu reclamación n.º {number}.",
  "claim_approved.approved": "Aceptado:",
  "claim_approved.approved_item": "{item}: {resolution}",
  "claim_approved.not_covered": "No cubierto:",
  "claim_approved.no_return": "No tienes que devolver nada. Te escribiremos cuando tu reclamación esté resuelta.",
  "claim_approved.already_back":
    "La tienda ya tiene los artículos: los revisará y te escribiremos cuando tu reclamación esté resuelta.",
  "claim_approved.return_by_shop": "{shop} te enviará otro correo sobre cómo devolver los artículos.",

  "return.heading": "Cómo devolver los artículos",
  "return.send_to": "Envíalos a {name}:",
  "return.send_to_unnamed": "Envíalos a esta dirección:",
  "return.address_on_page": "Encontrarás la dirección en la página de tu reclamación.",
  "return.include": "Incluye: {parts}",
  "return.overseas":
    "Solo esta dirección acepta la devolución de estos artículos: no los envíes a otro almacén de la tienda.",
  "return.tracked": "Usa un envío con seguimiento: una devolución perdida por el camino no está cubierta.",
  "return.paid_by_merchant": "La tienda paga el envío de la devolución.",
  "return.paid_by_customer": "Tú pagas el envío de la devolución.",
  "return.tracking_next":
    "Cuando el paquete esté en camino, añade su número de seguimiento en la página de tu reclamación.",

  "return_received.subject": "Reclamación n.º {number}: tu devolución ha llegado",
  "return_received.intro": "{shop} ha recibido los artículos que devolviste por tu reclamación n.º {number}.",
  "return_received.next": "La tienda los está revisando: te escribiremos cuando tu reclamación esté resuelta.",

  "claim_resolved.subject": "Tu reclamación n.º {number} está resuelta",
  "claim_resolved.intro": "{shop} ha resuelto tu reclamación n.º {number}:",
  "outcome.refunded": "{item}: reembolsado",
  "outcome.replaced": "{item}: sustituido",
  "outcome.repaired": "{item}: reparado",
  "outcome.out_of_stock": "{item}: la sustitución está agotada, así que se reembolsa",
  "outcome.repair_impossible": "{item}: no se puede reparar, así que se reembolsa",
  "refund.total": "Tu reembolso: {amount}",
  "refund.to": "{amount} a {method}",
  "refund.timing": "Según tu banco, el reembolso puede tardar unos días hábiles en aparecer.",
  "refund.told_by_shop": "La tienda te envía los detalles del reembolso en otro correo.",
  "method.card": "la tarjeta con la que pagaste",
  "method.gift_card": "tu tarjeta de regalo",
  "method.paypal": "tu cuenta de PayPal",
  "method.manual": "un pago que la tienda te hace directamente",
  "method.other": "el método de pago que usaste ({gateway})",
  "replacement.order": "Tu sustitución llega con un nuevo pedido: {order}.",
  "repair.notes": "Sobre la reparación:",

  "claim_denied.subject": "Tu reclamación n.º {number} no ha sido aceptada",
  "claim_denied.intro": "{shop} ha revisado tu reclamación n.º {number} y no puede aceptarla:",
  "claim_denied.item": "{item}: {clause}",
  "claim_denied.next": "Si tienes alguna pregunta sobre esta decisión, responde a este correo.",
};

export const EMAIL_MESSAGES: Readonly<Record<ShopperLanguage, Catalogue>> = { en, fr, de, es };
export const EMAIL_LANGUAGES = SHOPPER_LANGUAGES;

/** The merchant's emails: English for now (the worker does not know the admin's language). */
const MERCHANT = {
  "merchant.footer":
    "Warranty Desk sends these emails for {shop}. Change who gets them, or switch to a daily digest, in Settings > Notifications.",
  "merchant.open_claim": "Open claim #{number}",
  "merchant.a_shopper": "A shopper",
  "merchant.respond_by": "Respond by {deadline}.",
  "merchant_new_claim.subject": "New claim #{number} from {customer}",
  "merchant_new_claim.intro_arrival": "{customer} filed an arrival claim, #{number}, about these items:",
  "merchant_new_claim.intro_warranty": "{customer} filed a warranty claim, #{number}, about these items:",
  "merchant_new_claim.description": "What they wrote:",
  "merchant_shopper_replied.subject": "Claim #{number}: {customer} replied",
  "merchant_shopper_replied.intro": "{customer} answered your question on claim #{number}:",
  "merchant_shopper_replied.clock": "Your time to respond runs again.",
  "merchant_response_due.subject": "Claim #{number}: respond by {deadline}",
  "merchant_response_due.intro": "Claim #{number} from {customer} needs your response by {deadline}, in {hours} h.",
  "merchant_response_overdue.subject": "Claim #{number} is overdue",
  "merchant_response_overdue.intro":
    "Your response to claim #{number} from {customer} was due {deadline}. The shopper is still waiting.",
  "merchant_digest.subject": "Your claims on {day}: {overdue} overdue, {due} due soon, {new} new",
  "merchant_digest.intro": "The open claims that need you, most urgent first.",
  "merchant_digest.overdue": "Overdue",
  "merchant_digest.due": "Due within {hours} h",
  "merchant_digest.new": "New since yesterday's digest",
  "merchant_digest.entry_due": "#{number} from {customer}: respond by {deadline}",
  "merchant_digest.entry_new": "#{number} from {customer}: filed {filed}",
  "merchant_digest.nothing": "No open claim needs you today.",
} as const;
export type MerchantMessageKey = keyof typeof MERCHANT;
export const MERCHANT_EMAIL_MESSAGES: Readonly<Record<MerchantMessageKey, string>> = MERCHANT;

type Params = Readonly<Record<string, string | number>>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`email message placeholder {${name}} has no value`);
    return String(value);
  });
}

/** The shopper's words in their language, {placeholders} filled (a missing one is a bug, thrown). */
export function emailMessage(language: ShopperLanguage, key: EmailMessageKey, params: Params = {}): string {
  return fill(EMAIL_MESSAGES[language][key], params);
}

export function merchantMessage(key: MerchantMessageKey, params: Params = {}): string {
  return fill(MERCHANT_EMAIL_MESSAGES[key], params);
}

/** The {placeholders} of a message, for the tests that keep the languages in step. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}
