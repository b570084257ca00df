// What the server says to shoppers (the customer-account extension), in English, French, German
// and Spanish: the policy engine's reasons, missing evidence, denial clauses of the written
// guarantee in plain words, the shopper API's errors and the names of the fields it validates.
// Keys are stable codes; every language has every key (test/unit/shopper-messages.test.ts).
// Placeholders are {name}; a message keeps the same placeholders in every language.
// The register and the words are the extension's (extensions/*/locales), shown beside these: German
// "Sie", French "vous", Spanish "tú" (the register test in the test file keeps it so).

import { denialClauseWords } from "../domain/denial-clauses";

export const SHOPPER_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type ShopperLanguage = (typeof SHOPPER_LANGUAGES)[number];

const en = {
  // The policy engine's reasons (app/domain/policy/codes.ts), item and claim level.
  "reason.unknown_line_item": "This item is not part of this order.",
  "reason.not_fulfilled": "This item has not been shipped yet, so it cannot be reported.",
  "reason.quantity_exceeds_claimable":
    "You chose more units than can still be reported: some are not shipped or already in another claim.",
  "reason.not_covered": "This item is not covered by the store's guarantee.",
  "reason.window_expired": "The time to report this has ended.",
  "reason.missing_evidence": "Some photos or a video are still missing.",
  "reason.missing_preference": "Tell us whether you would like a refund or a replacement.",
  "reason.no_common_resolution":
    "These items cannot be reported together: the store offers different solutions for them. Report them in separate claims.",
  "reason.resolution_not_offered":
    "The store does not offer the solution you chose for these items. Choose another one.",
  "reason.excluded": "Your answers describe a case the guarantee does not cover; the store will review it.",
  "reason.suggest_warranty":
    "The time to report damage on arrival has ended, but the warranty still covers this item: you can report it as a warranty claim.",
  // What a policy asks for (app/domain/policy/policy-schema.ts EVIDENCE_REQUIREMENTS).
  "evidence.issue_media": "Add a photo or a video that shows the problem.",
  "evidence.issue_photo": "Add a photo that shows the problem.",
  "evidence.issue_video": "Add a video that shows the problem.",
  "evidence.shipping_label_photo": "Add a photo of the shipping label.",
  "evidence.packaging_photo": "Add a photo of the packaging.",
  // Denials: each clause's plain words, kept with the clause (app/domain/denial-clauses.ts).
  ...denialClauseWords("en"),
  // Errors of the shopper API, by code.
  "error.session_token_invalid":
    "We could not confirm who you are: your session may have expired. Reload the page and try again.",
  "error.wrong_session_token":
    "This address accepts only a customer account's session token. Open your order in your customer account and try again.",
  "error.request_refused": "This request was refused.",
  "error.shop_not_installed":
    "This store's claim service is not available right now. Please contact the store for help with your order.",
  "error.payload_too_large": "You sent more data than this address accepts at once. Send less and try again.",
  "error.method_not_allowed": "This address does not answer this kind of request.",
  "error.customer.not_logged_in": "Log in to your account to see or report problems with an order.",
  "error.order.not_found": "We could not find this order in your account.",
  "error.claim.not_found": "We could not find this claim in your account.",
  "error.claim.no_common_resolution":
    "These items cannot be reported together: the store offers different solutions for them. Report each one in a separate claim.",
  "error.claim.resolution_not_offered":
    "The store does not offer the solution you chose for these items. Choose one of the solutions the form offers and send the claim again.",
  "error.claim.not_eligible":
    "This claim cannot be submitted as it is. Check the form: the preview says what is missing or why it is not possible.",
  "error.claim.submission_key_taken":
    "This form was already used for another submission. Reload the page and fill in the form again.",
  "error.claim.not_awaiting_reply": "The store is not waiting for an answer on this claim right now.",
  "error.claim.not_awaiting_return": "The store is not waiting for a return on this claim right now.",
  "error.claim.changed_meanwhile": "This claim changed a moment ago. Reload it to see what changed, then try again.",
  "error.rate_limited": "You have done this too often in a short time. Please try again in {minutes} min.",
  "error.invalid_request": "Please check {field}: {problem}",
  "error.internal_error":
    "Something went wrong on our side. Please try again; if it keeps happening, contact the store.",
  "error.shopify_unavailable": "The store's systems are busy right now. Please try again in a minute.",
  "error.shopify_rejected": "The store's systems could not accept this. Please try again later or contact the store.",
  "error.upload.empty": "This file is empty. Choose a photo or a video and try again.",
  "error.upload.unsupported_type":
    "This type of file cannot be uploaded. Choose a photo (JPEG, PNG, WebP or HEIC) or a video (MP4, MOV or WebM).",
  "error.upload.wrong_kind": "This place takes another kind of file. Check whether it asks for a photo or a video.",
  "error.upload.too_large":
    "This file is larger than {megabytes} MB. Choose a smaller photo, or a shorter video, and upload it again.",
  "error.upload.too_many_files": "A claim can have at most {maxFiles} files. Remove one before adding another.",
  "error.upload.unreadable_photo": "We could not read this photo. Save it as JPEG or PNG and upload it again.",
  "error.upload.photo_too_many_pixels":
    "This photo has more than {megapixels} megapixels. Save a smaller copy as JPEG or PNG and upload it again.",
  "error.upload.not_found":
    "We could not find this file. It may have been removed: upload it again if you still need it.",
  "error.upload.attached": "This file is part of a submitted claim and can no longer be removed.",
  // Any other error, by its kind.
  "error.generic.invalid": "This could not be done as sent. Check what you entered and try again.",
  "error.generic.not_allowed": "You cannot do this.",
  "error.generic.not_found": "We could not find what you asked for.",
  "error.generic.conflict": "This cannot be done right now. Reload the page and try again.",
  // Fields of the shopper API's requests, for validation errors.
  "field.request": "the request",
  "field.orderId": "the order",
  "field.claimId": "the claim",
  "field.submissionKey": "the submission key",
  "field.type": "the kind of claim",
  "field.problem": "what happened",
  "field.description": "the description",
  "field.problemFirstNoticedAt": "when you first noticed the problem",
  "field.items": "the items",
  "field.lineItemId": "the item",
  "field.quantity": "the quantity",
  "field.answers": "the answers",
  "field.firmwareFlashed": "the answer about the firmware",
  "field.bodyOpened": "the answer about opening the product",
  "field.partsModified": "the answer about changed parts",
  "field.unintendedUse": "the answer about how it was used",
  "field.continuedUseAfterFault": "the answer about using it after the fault",
  "field.accidentalDamage": "the answer about accidental damage",
  "field.preferredResolution": "your preferred solution",
  "field.uploadIds": "the files",
  "field.message": "your message",
  "field.carrier": "the carrier",
  "field.trackingNumber": "the tracking number",
  // What is wrong with a field.
  "validation.required": "this is required.",
  "validation.invalid": "this is not valid.",
  "validation.invalid_option": "choose one of the offered options.",
  "validation.too_short": "this is too short or empty.",
  "validation.too_long": "this is too long (at most {maximum}).",
  "validation.too_small": "this must be at least {minimum}.",
  "validation.unknown_field": "this is not expected here.",
  "validation.problem_for_type": "this does not fit the kind of claim you chose.",
  "validation.resolution_for_type": "this is not offered for the kind of claim you chose.",
  "validation.duplicate": "the same item is listed twice.",
} as const;

export type ShopperMessageKey = keyof typeof en;
type Catalogue = Readonly<Record<ShopperMessageKey, string>>;

const fr: Catalogue = {
  "reason.unknown_line_item": "Cet article ne fait pas partie de cette commande.",
  "reason.not_fulfilled": "Cet article n'a pas encore été expédié : il ne peut pas encore être signalé.",
  "reason.quantity_exceeds_claimable":
    "Vous avez choisi plus d'unités que vous ne pouvez encore en signaler : certaines ne sont pas expédiées ou font déjà l'objet d'une autre réclamation.",
  "reason.not_covered": "Cet article n'est pas couvert par la garantie de la boutique.",
  "reason.window_expired": "Le délai pour signaler ce problème est dépassé.",
  "reason.missing_evidence": "Il manque encore des photos ou une vidéo.",
  "reason.missing_preference": "Indiquez si vous souhaitez un remboursement ou un remplacement.",
  "reason.no_common_resolution":
    "Ces articles ne peuvent pas être signalés ensemble : la boutique propose des solutions différentes pour chacun. Signalez-les dans des réclamations séparées.",
  "reason.resolution_not_offered":
    "La boutique ne propose pas la solution que vous avez choisie pour ces articles. Choisissez-en une autre.",
  "reason.excluded":
    "Vos réponses décrivent un cas que la garantie ne couvre pas ; la boutique examinera votre demande.",
  "reason.suggest_warranty":
    "Le délai pour signaler un problème à la réception est dépassé, mais la garantie couvre encore cet article : vous pouvez le signaler au titre de la garantie.",
  "evidence.issue_media": "Ajoutez une photo ou une vidéo qui montre le problème.",
  "evidence.issue_photo": "Ajoutez une photo qui montre le problème.",
  "evidence.issue_video": "Ajoutez une vidéo qui montre le problème.",
  "evidence.shipping_label_photo": "Ajoutez une photo de l'étiquette d'expédition.",
  "evidence.packaging_photo": "Ajoutez une photo de l'emballage.",
  ...denialClauseWords("fr"),
  "error.session_token_invalid":
    "Nous n'avons pas pu confirmer votre identité : votre session a peut-être expiré. Rechargez la page et réessayez.",
  "error.wrong_session_token":
    "Cette adresse n'accepte que le jeton de session d'un compte client. Ouvrez votre commande dans votre compte client et réessayez.",
  "error.request_refused": "Cette demande a été refusée.",
  "error.shop_not_installed":
    "Le service de réclamations de cette boutique n'est pas disponible pour le moment. Contactez la boutique pour obtenir de l'aide sur votre commande.",
  "error.payload_too_large":
    "Vous avez envoyé plus de données que cette adresse n'en accepte en une fois. Envoyez-en moins et réessayez.",
  "error.method_not_allowed": "Cette adresse ne répond pas à ce type de demande.",
  "error.customer.not_logged_in": "Connectez-vous à votre compte pour voir ou signaler les problèmes d'une commande.",
  "error.order.not_found": "Nous n'avons pas trouvé cette commande dans votre compte.",
  "error.claim.not_found": "Nous n'avons pas trouvé cette réclamation dans votre compte.",
  "error.claim.no_common_resolution":
    "Ces articles ne peuvent pas être signalés ensemble : la boutique propose des solutions différentes pour chacun. Signalez chacun dans une réclamation séparée.",
  "error.claim.resolution_not_offered":
    "La boutique ne propose pas la solution que vous avez choisie pour ces articles. Choisissez l'une des solutions proposées dans le formulaire et envoyez à nouveau la réclamation.",
  "error.claim.not_eligible":
    "Cette réclamation ne peut pas être envoyée en l'état. Vérifiez le formulaire : l'aperçu indique ce qui manque ou pourquoi ce n'est pas possible.",
  "error.claim.submission_key_taken":
    "Ce formulaire a déjà servi pour un autre envoi. Rechargez la page et remplissez de nouveau le formulaire.",
  "error.claim.not_awaiting_reply": "La boutique n'attend pas de réponse sur cette réclamation pour le moment.",
  "error.claim.not_awaiting_return": "La boutique n'attend pas de retour pour cette réclamation pour le moment.",
  "error.claim.changed_meanwhile":
    "Cette réclamation vient de changer. Rechargez-la pour voir ce qui a changé, puis réessayez.",
  "error.rate_limited": "Vous avez fait cela trop souvent en peu de temps. Réessayez dans {minutes} min.",
  "error.invalid_request": "Vérifiez {field} : {problem}",
  "error.internal_error":
    "Une erreur s'est produite de notre côté. Réessayez ; si cela se reproduit, contactez la boutique.",
  "error.shopify_unavailable": "Les systèmes de la boutique sont occupés. Réessayez dans une minute.",
  "error.shopify_rejected":
    "Les systèmes de la boutique n'ont pas pu accepter cette demande. Réessayez plus tard ou contactez la boutique.",
  "error.upload.empty": "Ce fichier est vide. Choisissez une photo ou une vidéo et réessayez.",
  "error.upload.unsupported_type":
    "Ce type de fichier ne peut pas être envoyé. Choisissez une photo (JPEG, PNG, WebP ou HEIC) ou une vidéo (MP4, MOV ou WebM).",
  "error.upload.wrong_kind":
    "Cet emplacement attend un autre type de fichier. Vérifiez s'il demande une photo ou une vidéo.",
  "error.upload.too_large":
    "Ce fichier dépasse {megabytes} Mo. Choisissez une photo plus petite ou une vidéo plus courte, puis réessayez.",
  "error.upload.too_many_files":
    "Une réclamation peut compter au plus {maxFiles} fichiers. Supprimez-en un avant d'en ajouter un autre.",
  "error.upload.unreadable_photo":
    "Nous n'avons pas pu lire cette photo. Enregistrez-la en JPEG ou PNG et envoyez-la de nouveau.",
  "error.upload.photo_too_many_pixels":
    "Cette photo dépasse {megapixels} mégapixels. Enregistrez une copie plus petite en JPEG ou PNG et envoyez-la de nouveau.",
  "error.upload.not_found":
    "Nous n'avons pas trouvé ce fichier. Il a peut-être été supprimé : envoyez-le de nouveau si vous en avez encore besoin.",
  "error.upload.attached": "Ce fichier fait partie d'une réclamation envoyée et ne peut plus être supprimé.",
  "error.generic.invalid": "Cela n'a pas pu être fait tel quel. Vérifiez ce que vous avez saisi et réessayez.",
  "error.generic.not_allowed": "Vous ne pouvez pas faire cela.",
  "error.generic.not_found": "Nous n'avons pas trouvé ce que vous avez demandé.",
  "error.generic.conflict": "Cela n'est pas possible pour le moment. Rechargez la page et réessayez.",
  "field.request": "la demande",
  "field.orderId": "la commande",
  "field.claimId": "la réclamation",
  "field.submissionKey": "la clé d'envoi",
  "field.type": "le type de réclamation",
  "field.problem": "ce qui s'est passé",
  "field.description": "la description",
  "field.problemFirstNoticedAt": "la date à laquelle vous avez remarqué le problème",
  "field.items": "les articles",
  "field.lineItemId": "l'article",
  "field.quantity": "la quantité",
  "field.answers": "les réponses",
  "field.firmwareFlashed": "la réponse sur le firmware",
  "field.bodyOpened": "la réponse sur l'ouverture du produit",
  "field.partsModified": "la réponse sur les pièces modifiées",
  "field.unintendedUse": "la réponse sur l'utilisation",
  "field.continuedUseAfterFault": "la réponse sur l'utilisation après la panne",
  "field.accidentalDamage": "la réponse sur les dommages accidentels",
  "field.preferredResolution": "la solution que vous préférez",
  "field.uploadIds": "les fichiers",
  "field.message": "votre message",
  "field.carrier": "le transporteur",
  "field.trackingNumber": "le numéro de suivi",
  "validation.required": "ce champ est obligatoire.",
  "validation.invalid": "cette valeur n'est pas valide.",
  "validation.invalid_option": "choisissez l'une des options proposées.",
  "validation.too_short": "c'est trop court ou vide.",
  "validation.too_long": "c'est trop long ({maximum} au maximum).",
  "validation.too_small": "la valeur doit être d'au moins {minimum}.",
  "validation.unknown_field": "ce champ n'est pas attendu ici.",
  "validation.problem_for_type": "cela ne correspond pas au type de réclamation choisi.",
  "validation.resolution_for_type": "cette solution n'est pas proposée pour le type de réclamation choisi.",
  "validation.duplicate": "le même article figure deux fois.",
};

const de: Catalogue = {
  "reason.unknown_line_item": "Dieser Artikel gehört nicht zu dieser Bestellung.",
  "reason.not_fulfilled": "Dieser Artikel wurde noch nicht versendet und kann daher noch nicht gemeldet werden.",
  "reason.quantity_exceeds_claimable":
    "Sie haben mehr Stück gewählt, als noch gemeldet werden können: Einige sind nicht versendet oder schon Teil einer anderen Reklamation.",
  "reason.not_covered": "Dieser Artikel ist nicht durch die Garantie des Shops abgedeckt.",
  "reason.window_expired": "Die Frist, um dies zu melden, ist abgelaufen.",
  "reason.missing_evidence": "Es fehlen noch Fotos oder ein Video.",
  "reason.missing_preference": "Sagen Sie uns bitte, ob Sie eine Erstattung oder einen Ersatz möchten.",
  "reason.no_common_resolution":
    "Diese Artikel können nicht zusammen gemeldet werden: Der Shop bietet für sie unterschiedliche Lösungen an. Melden Sie sie in getrennten Reklamationen.",
  "reason.resolution_not_offered":
    "Der Shop bietet die von Ihnen gewählte Lösung für diese Artikel nicht an. Wählen Sie bitte eine andere.",
  "reason.excluded":
    "Ihre Antworten beschreiben einen Fall, den die Garantie nicht abdeckt; der Shop prüft Ihre Reklamation.",
  "reason.suggest_warranty":
    "Die Frist für Probleme bei der Lieferung ist abgelaufen, aber die Garantie deckt diesen Artikel noch ab: Sie können ihn als Garantiefall melden.",
  "evidence.issue_media": "Fügen Sie ein Foto oder ein Video hinzu, das das Problem zeigt.",
  "evidence.issue_photo": "Fügen Sie ein Foto hinzu, das das Problem zeigt.",
  "evidence.issue_video": "Fügen Sie ein Video hinzu, das das Problem zeigt.",
  "evidence.shipping_label_photo": "Fügen Sie ein Foto des Versandetiketts hinzu.",
  "evidence.packaging_photo": "Fügen Sie ein Foto der Verpackung hinzu.",
  ...denialClauseWords("de"),
  "error.session_token_invalid":
    "Wir konnten nicht bestätigen, wer Sie sind: Ihre Sitzung ist vielleicht abgelaufen. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
  "error.wrong_session_token":
    "Diese Adresse akzeptiert nur das Sitzungstoken eines Kundenkontos. Öffnen Sie Ihre Bestellung in Ihrem Kundenkonto und versuchen Sie es noch einmal.",
  "error.request_refused": "Diese Anfrage wurde abgelehnt.",
  "error.shop_not_installed":
    "Der Reklamationsservice dieses Shops ist gerade nicht verfügbar. Bitte wenden Sie sich wegen Ihrer Bestellung direkt an den Shop.",
  "error.payload_too_large":
    "Sie haben mehr Daten gesendet, als diese Adresse auf einmal annimmt. Senden Sie weniger und versuchen Sie es noch einmal.",
  "error.method_not_allowed": "Diese Adresse beantwortet diese Art von Anfrage nicht.",
  "error.customer.not_logged_in":
    "Melden Sie sich in Ihrem Konto an, um Probleme mit einer Bestellung zu sehen oder zu melden.",
  "error.order.not_found": "Wir konnten diese Bestellung in Ihrem Konto nicht finden.",
  "error.claim.not_found": "Wir konnten diese Reklamation in Ihrem Konto nicht finden.",
  "error.claim.no_common_resolution":
    "Diese Artikel können nicht zusammen gemeldet werden: Der Shop bietet für sie unterschiedliche Lösungen an. Melden Sie jeden Artikel in einer eigenen Reklamation.",
  "error.claim.resolution_not_offered":
    "Der Shop bietet die von Ihnen gewählte Lösung für diese Artikel nicht an. Wählen Sie bitte eine der im Formular angebotenen Lösungen und senden Sie die Reklamation erneut.",
  "error.claim.not_eligible":
    "Diese Reklamation kann so nicht gesendet werden. Prüfen Sie das Formular: Die Vorschau zeigt, was fehlt oder warum es nicht möglich ist.",
  "error.claim.submission_key_taken":
    "Dieses Formular wurde schon für eine andere Reklamation verwendet. Laden Sie die Seite neu und füllen Sie das Formular erneut aus.",
  "error.claim.not_awaiting_reply": "Der Shop wartet gerade auf keine Antwort zu dieser Reklamation.",
  "error.claim.not_awaiting_return": "Der Shop wartet gerade auf keine Rücksendung zu dieser Reklamation.",
  "error.claim.changed_meanwhile":
    "Diese Reklamation hat sich gerade geändert. Laden Sie sie neu, um die Änderung zu sehen, und versuchen Sie es dann noch einmal.",
  "error.rate_limited":
    "Sie haben das in kurzer Zeit zu oft getan. Bitte versuchen Sie es in {minutes} Min. noch einmal.",
  "error.invalid_request": "Bitte prüfen Sie {field}: {problem}",
  "error.internal_error":
    "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal; wenn es wieder passiert, wenden Sie sich an den Shop.",
  "error.shopify_unavailable":
    "Die Systeme des Shops sind gerade ausgelastet. Bitte versuchen Sie es in einer Minute noch einmal.",
  "error.shopify_rejected":
    "Die Systeme des Shops konnten das nicht annehmen. Bitte versuchen Sie es später noch einmal oder wenden Sie sich an den Shop.",
  "error.upload.empty": "Diese Datei ist leer. Wählen Sie ein Foto oder ein Video und versuchen Sie es noch einmal.",
  "error.upload.unsupported_type":
    "Dieser Dateityp kann nicht hochgeladen werden. Wählen Sie ein Foto (JPEG, PNG, WebP oder HEIC) oder ein Video (MP4, MOV oder WebM).",
  "error.upload.wrong_kind":
    "Hier wird eine andere Art von Datei erwartet. Prüfen Sie, ob ein Foto oder ein Video verlangt ist.",
  "error.upload.too_large":
    "Diese Datei ist größer als {megabytes} MB. Wählen Sie ein kleineres Foto oder ein kürzeres Video und laden Sie es noch einmal hoch.",
  "error.upload.too_many_files":
    "Eine Reklamation kann höchstens {maxFiles} Dateien haben. Entfernen Sie eine, bevor Sie eine weitere hinzufügen.",
  "error.upload.unreadable_photo":
    "Wir konnten dieses Foto nicht lesen. Speichern Sie es als JPEG oder PNG und laden Sie es noch einmal hoch.",
  "error.upload.photo_too_many_pixels":
    "Dieses Foto hat mehr als {megapixels} Megapixel. Speichern Sie eine kleinere Kopie als JPEG oder PNG und laden Sie sie noch einmal hoch.",
  "error.upload.not_found":
    "Wir konnten diese Datei nicht finden. Vielleicht wurde sie entfernt: Laden Sie sie noch einmal hoch, wenn Sie sie noch brauchen.",
  "error.upload.attached": "Diese Datei gehört zu einer gesendeten Reklamation und kann nicht mehr entfernt werden.",
  "error.generic.invalid": "Das ging so nicht. Prüfen Sie Ihre Eingaben und versuchen Sie es noch einmal.",
  "error.generic.not_allowed": "Das können Sie nicht tun.",
  "error.generic.not_found": "Wir konnten nicht finden, wonach Sie gefragt haben.",
  "error.generic.conflict": "Das ist gerade nicht möglich. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
  "field.request": "die Anfrage",
  "field.orderId": "die Bestellung",
  "field.claimId": "die Reklamation",
  "field.submissionKey": "den Sendeschlüssel",
  "field.type": "die Art der Reklamation",
  "field.problem": "was passiert ist",
  "field.description": "die Beschreibung",
  "field.problemFirstNoticedAt": "wann Sie das Problem zum ersten Mal bemerkt haben",
  "field.items": "die Artikel",
  "field.lineItemId": "den Artikel",
  "field.quantity": "die Menge",
  "field.answers": "die Antworten",
  "field.firmwareFlashed": "die Antwort zur Firmware",
  "field.bodyOpened": "die Antwort zum Öffnen des Produkts",
  "field.partsModified": "die Antwort zu veränderten Teilen",
  "field.unintendedUse": "die Antwort zur Verwendung",
  "field.continuedUseAfterFault": "die Antwort zur Nutzung nach dem Defekt",
  "field.accidentalDamage": "die Antwort zu versehentlichen Schäden",
  "field.preferredResolution": "Ihre bevorzugte Lösung",
  "field.uploadIds": "die Dateien",
  "field.message": "Ihre Nachricht",
  "field.carrier": "den Versanddienst",
  "field.trackingNumber": "die Sendungsnummer",
  "validation.required": "das ist ein Pflichtfeld.",
  "validation.invalid": "das ist nicht gültig.",
  "validation.invalid_option": "wählen Sie eine der angebotenen Möglichkeiten.",
  "validation.too_short": "das ist zu kurz oder leer.",
  "validation.too_long": "das ist zu lang (höchstens {maximum}).",
  "validation.too_small": "der Wert muss mindestens {minimum} sein.",
  "validation.unknown_field": "das wird hier nicht erwartet.",
  "validation.problem_for_type": "das passt nicht zur gewählten Art der Reklamation.",
  "validation.resolution_for_type": "das wird für die gewählte Art der Reklamation nicht angeboten.",
  "validation.duplicate": "derselbe Artikel ist zweimal aufgeführt.",
};

const es: Catalogue = {
  "reason.unknown_line_item": "Este artículo no forma parte de este pedido.",
  "reason.not_fulfilled": "Este artículo todavía no se ha enviado, así que aún no se puede notificar.",
  "reason.quantity_exceeds_claimable":
    "Has elegido más unidades de las que aún se pueden notificar: algunas no se han enviado o ya están en otra reclamación.",
  "reason.not_covered": "Este artículo no está cubierto por la garantía de la tienda.",
  "reason.window_expired": "El plazo para notificar esto ha terminado.",
  "reason.missing_evidence": "Todavía faltan fotos o un vídeo.",
  "reason.missing_preference": "Indícanos si prefieres un reembolso o una sustitución.",
  "reason.no_common_resolution":
    "Estos artículos no se pueden notificar juntos: la tienda ofrece soluciones distintas para ellos. Notifícalos en reclamaciones separadas.",
  "reason.resolution_not_offered": "La tienda no ofrece la solución que elegiste para estos artículos. Elige otra.",
  "reason.excluded": "Tus respuestas describen un caso que la garantía no cubre; la tienda lo revisará.",
  "reason.suggest_warranty":
    "El plazo para notificar problemas en la entrega ha terminado, pero la garantía aún cubre este artículo: puedes notificarlo como reclamación en garantía.",
  "evidence.issue_media": "Añade una foto o un vídeo que muestre el problema.",
  "evidence.issue_photo": "Añade una foto que muestre el problema.",
  "evidence.issue_video": "Añade un vídeo que muestre el problema.",
  "evidence.shipping_label_photo": "Añade una foto de la etiqueta de envío.",
  "evidence.packaging_photo": "Añade una foto del embalaje.",
  ...denialClauseWords("es"),
  "error.session_token_invalid":
    "No hemos podido confirmar quién eres: puede que tu sesión haya caducado. Vuelve a cargar la página e inténtalo de nuevo.",
  "error.wrong_session_token":
    "Esta dirección solo acepta el token de sesión de una cuenta de cliente. Abre tu pedido en tu cuenta de cliente e inténtalo de nuevo.",
  "error.request_refused": "Esta solicitud se ha rechazado.",
  "error.shop_not_installed":
    "El servicio de reclamaciones de esta tienda no está disponible ahora mismo. Contacta con la tienda para obtener ayuda con tu pedido.",
  "error.payload_too_large":
    "Has enviado más datos de los que esta dirección acepta de una vez. Envía menos e inténtalo de nuevo.",
  "error.method_not_allowed": "Esta dirección no responde a este tipo de solicitud.",
  "error.customer.not_logged_in": "Inicia sesión en tu cuenta para ver o notificar problemas con un pedido.",
  "error.order.not_found": "No hemos encontrado este pedido en tu cuenta.",
  "error.claim.not_found": "No hemos encontrado esta reclamación en tu cuenta.",
  "error.claim.no_common_resolution":
    "Estos artículos no se pueden notificar juntos: la tienda ofrece soluciones distintas para ellos. Notifica cada uno en una reclamación separada.",
  "error.claim.resolution_not_offered":
    "La tienda no ofrece la solución que elegiste para estos artículos. Elige una de las soluciones que ofrece el formulario y envía la reclamación de nuevo.",
  "error.claim.not_eligible":
    "Esta reclamación no se puede enviar así. Revisa el formulario: la vista previa indica qué falta o por qué no es posible.",
  "error.claim.submission_key_taken":
    "Este formulario ya se usó para otro envío. Vuelve a cargar la página y rellena el formulario de nuevo.",
  "error.claim.not_awaiting_reply": "La tienda no está esperando una respuesta sobre esta reclamación ahora mismo.",
  "error.claim.not_awaiting_return": "La tienda no está esperando una devolución de esta reclamación ahora mismo.",
  "error.claim.changed_meanwhile":
    "Esta reclamación acaba de cambiar. Vuelve a cargarla para ver qué ha cambiado e inténtalo de nuevo.",
  "error.rate_limited": "Has hecho esto demasiadas veces en poco tiempo. Inténtalo de nuevo dentro de {minutes} min.",
  "error.invalid_request": "Revisa {field}: {problem}",
  "error.internal_error":
    "Algo ha fallado por nuestra parte. Inténtalo de nuevo; si vuelve a ocurrir, contacta con la tienda.",
  "error.shopify_unavailable": "Los sistemas de la tienda están ocupados ahora mismo. Inténtalo de nuevo en un minuto.",
  "error.shopify_rejected":
    "Los sistemas de la tienda no han podido aceptar esto. Inténtalo más tarde o contacta con la tienda.",
  "error.upload.empty": "Este archivo está vacío. Elige una foto o un vídeo e inténtalo de nuevo.",
  "error.upload.unsupported_type":
    "Este tipo de archivo no se puede subir. Elige una foto (JPEG, PNG, WebP o HEIC) o un vídeo (MP4, MOV o WebM).",
  "error.upload.wrong_kind": "Aquí se espera otro tipo de archivo. Comprueba si pide una foto o un vídeo.",
  "error.upload.too_large":
    "Este archivo supera los {megabytes} MB. Elige una foto más pequeña o un vídeo más corto y vuelve a subirlo.",
  "error.upload.too_many_files":
    "Una reclamación puede tener como máximo {maxFiles} archivos. Quita uno antes de añadir otro.",
  "error.upload.unreadable_photo": "No hemos podido leer esta foto. Guárdala como JPEG o PNG y vuelve a subirla.",
  "error.upload.photo_too_many_pixels":
    "Esta foto tiene más de {megapixels} megapíxeles. Guarda una copia más pequeña como JPEG o PNG y vuelve a subirla.",
  "error.upload.not_found":
    "No hemos encontrado este archivo. Puede que se haya quitado: vuelve a subirlo si aún lo necesitas.",
  "error.upload.attached": "Este archivo forma parte de una reclamación enviada y ya no se puede quitar.",
  "error.generic.invalid": "No se ha podido hacer tal como se envió. Revisa lo que has escrito e inténtalo de nuevo.",
  "error.generic.not_allowed": "No puedes hacer esto.",
  "error.generic.not_found": "No hemos encontrado lo que buscabas.",
  "error.generic.conflict": "Ahora mismo no es posible. Vuelve a cargar la página e inténtalo de nuevo.",
  "field.request": "la solicitud",
  "field.orderId": "el pedido",
  "field.claimId": "la reclamación",
  "field.submissionKey": "la clave de envío",
  "field.type": "el tipo de reclamación",
  "field.problem": "qué ha pasado",
  "field.description": "la descripción",
  "field.problemFirstNoticedAt": "cuándo notaste el problema por primera vez",
  "field.items": "los artículos",
  "field.lineItemId": "el artículo",
  "field.quantity": "la cantidad",
  "field.answers": "las respuestas",
  "field.firmwareFlashed": "la respuesta sobre el firmware",
  "field.bodyOpened": "la respuesta sobre abrir el producto",
  "field.partsModified": "la respuesta sobre piezas cambiadas",
  "field.unintendedUse": "la respuesta sobre el uso",
  "field.continuedUseAfterFault": "la respuesta sobre el uso después de la avería",
  "field.accidentalDamage": "la respuesta sobre daños accidentales",
  "field.preferredResolution": "la solución que prefieres",
  "field.uploadIds": "los archivos",
  "field.message": "tu mensaje",
  "field.carrier": "el transportista",
  "field.trackingNumber": "el número de seguimiento",
  "validation.required": "este campo es obligatorio.",
  "validation.invalid": "este valor no es válido.",
  "validation.invalid_option": "elige una de las opciones ofrecidas.",
  "validation.too_short": "es demasiado corto o está vacío.",
  "validation.too_long": "es demasiado largo (como máximo {maximum}).",
  "validation.too_small": "el valor debe ser al menos {minimum}.",
  "validation.unknown_field": "este campo no se espera aquí.",
  "validation.problem_for_type": "no corresponde al tipo de reclamación elegido.",
  "validation.resolution_for_type": "no se ofrece para el tipo de reclamación elegido.",
  "validation.duplicate": "el mismo artículo aparece dos veces.",
};

export const SHOPPER_MESSAGES: Readonly<Record<ShopperLanguage, Catalogue>> = { en, fr, de, es };

export function isShopperMessageKey(key: string): key is ShopperMessageKey {
  return Object.hasOwn(en, key);
}

const NUMBER_FORMATS: Readonly<Record<ShopperLanguage, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat("en", { maximumFractionDigits: 1 }),
  fr: new Intl.NumberFormat("fr", { maximumFractionDigits: 1 }),
  de: new Intl.NumberFormat("de", { maximumFractionDigits: 1 }),
  es: new Intl.NumberFormat("es", { maximumFractionDigits: 1 }),
};

/** The message in the shopper's language, its {placeholders} filled from `params` (numbers as the language writes them). */
export function shopperMessage(
  language: ShopperLanguage,
  key: ShopperMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return SHOPPER_MESSAGES[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === "number" ? NUMBER_FORMATS[language].format(value) : value;
  });
}

/**
 * The shopper's language from Accept-Language (the extension sends the customer account's
 * language): the first of en, fr, de, es by preference (q), regional variants included; else en.
 */
export function shopperLanguage(acceptLanguage: string | null): ShopperLanguage {
  if (!acceptLanguage) return "en";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split("-")[0] ?? "",
        quality: Number.isNaN(quality) ? 0 : quality,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { base } of ranked) if (isShopperLanguage(base)) return base;
  return "en";
}

function isShopperLanguage(value: string): value is ShopperLanguage {
  return (SHOPPER_LANGUAGES as readonly string[]).includes(value);
}

/** The language of a shopper's request, from its Accept-Language header. */
export function shopperLanguageOf(request: Request): ShopperLanguage {
  return shopperLanguage(request.headers.get("Accept-Language"));
}
