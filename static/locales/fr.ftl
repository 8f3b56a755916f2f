# csp-portal — français.

## Shell
app-title = Portail partenaires CSP
skip-to-content = Aller au contenu principal
nav-label = Menu principal
nav-enroll = Inscription
language-label = Langue
back = Retour
continue = Continuer
change = Modifier
optional = (facultatif)
busy = Traitement en cours…
busy-submitting = Envoi de votre demande…
error-prefix = Erreur :
title-error-prefix = Erreur :
error-summary-title = Il y a un problème
storage-failed = Ce navigateur n'enregistre pas vos réponses. Elles seront perdues si vous rechargez ou fermez la page.
step-progress = Étape { $current } sur { $total }
choose-country = Choisissez un pays ou une région
country = Pays ou région
password = Mot de passe
first-name = Prénom
last-name = Nom
phone = Numéro de téléphone
phone-hint = Indiquez l'indicatif du pays, par exemple +{ $calling_code }
postal-code-hint = Par exemple, { $example }

## Home and not found
home-heading = Inscription au programme Fournisseur de solutions cloud
home-intro = Demandez à revendre les services cloud du fournisseur en tant que partenaire CSP. Comptez environ 20 minutes ; vos réponses sont conservées dans ce navigateur au fur et à mesure.
home-start = Commencer
home-resume = Vous avez une demande en cours.
home-resume-action = Reprendre votre demande
not-found-heading = Page introuvable
not-found-body = Si vous avez saisi l'adresse web, vérifiez qu'elle est correcte.
not-found-home = Aller à la page d'accueil

## Welcome
welcome-heading = Avant de commencer
welcome-intro = Pour vous inscrire au programme Fournisseur de solutions cloud (CSP), les éléments suivants vous seront demandés.
welcome-needs-heading = Ce dont vous avez besoin
welcome-need-mpn = Votre ID MPN (PartnerID) du réseau de partenaires
welcome-need-admin = Le nom d'utilisateur et le mot de passe de l'administrateur général du compte professionnel de votre organisation (ou créez un compte professionnel pendant l'inscription)
welcome-need-pmc = Le nom d'utilisateur et le mot de passe du site du réseau de partenaires, pour trouver votre ID MPN
welcome-need-legal = La raison sociale de votre organisation et son adresse professionnelle complète
welcome-need-contact = Un contact principal avec une adresse e-mail professionnelle
welcome-need-support = Les coordonnées du support client : e-mail, téléphone et site web
welcome-need-bank = Vos coordonnées bancaires
welcome-need-admin-email = L'adresse e-mail professionnelle de l'employé qui sera l'administrateur du portail
welcome-no-mpn = Vous n'avez pas encore d'ID MPN ?
welcome-join = Rejoindre le réseau de partenaires
welcome-review-time = L'examen et la vérification prennent plusieurs jours (en général 3 à 5 jours ouvrés). Nous envoyons un e-mail à votre contact principal une fois l'examen terminé.

## Partner type
partner-type-heading = Comment allez-vous vendre les services cloud ?
partner-type-legend = Type de partenaire
partner-type-indirect-reseller = Revendeur indirect
partner-type-indirect-reseller-hint = Vous vendez à vos clients par l'intermédiaire d'un fournisseur indirect (distributeur), qui achète auprès de l'éditeur et gère la facturation et le support.
partner-type-direct-partner = Partenaire direct
partner-type-direct-partner-hint = Vous facturez et assistez vous-même vos clients et achetez directement auprès de l'éditeur. Vous devez remplir les critères d'acceptation.
partner-type-indirect-provider = Fournisseur indirect
partner-type-indirect-provider-hint = Vous achetez auprès de l'éditeur et servez les clients par l'intermédiaire de revendeurs indirects.
partner-type-closed-hint = Les demandes ne sont pas acceptées pour le moment.
already-enrolled = Nous sommes déjà inscrits au programme CSP
already-enrolled-hint = Seules les coordonnées du support client vous seront demandées.
partner-type-closed-heading = Ce type de partenaire n'accepte pas de demandes
partner-type-closed-body = Les demandes pour « { $type } » sont fermées pour le moment.
partner-type-closed-suggest = Vous pouvez vous inscrire comme revendeur indirect et vendre par l'intermédiaire d'un fournisseur indirect.
partner-type-closed-action = S'inscrire comme revendeur indirect

## Work account
work-account-heading = Votre compte professionnel
work-account-intro = Le compte professionnel de votre organisation (l'annuaire utilisé pour Office 365, Azure ou Dynamics) est lié à votre compte CSP. Son pays ou sa région doit correspondre à l'emplacement de votre ID MPN.
work-account-mode-legend = Avez-vous un compte professionnel ?
work-account-mode-sign-in = Oui, me connecter en tant qu'administrateur général
work-account-mode-sign-in-hint = Utilisez le nom d'utilisateur et le mot de passe d'un administrateur général du compte.
work-account-mode-create = Non, créer un compte professionnel
work-account-mode-create-hint = Nous créons un nouveau compte pour votre organisation.
work-account-user-name = Nom d'utilisateur de l'administrateur général
work-account-user-name-hint = Par exemple, admin@contoso.onmicrosoft.com
work-account-signed-in = Connecté à { $domain } ({ $country }).
work-account-use-another = Utiliser un autre compte professionnel
tenant-organization = Nom de l'organisation
tenant-domain-prefix = Nom de domaine
tenant-domain-prefix-hint = Lettres et chiffres uniquement. Votre compte sera { $domain }. Il ne pourra pas être modifié.
tenant-country = Pays ou région du compte
tenant-country-hint = Il ne pourra pas être modifié. Votre ID MPN doit correspondre au même pays ou à la même région.
tenant-admin-email = Adresse e-mail professionnelle de l'administrateur

## MPN ID
mpn-heading = Associer votre ID MPN
mpn-sign-in-intro = Connectez-vous au site du réseau de partenaires pour trouver les profils d'organisation de votre ID MPN.
mpn-pmc-user-name = Nom d'utilisateur du réseau de partenaires
mpn-choose-legend = Quel profil reçoit vos incitations, avantages et compétences ?
mpn-choose-hint = Choisissez un profil d'emplacement actif en { $country }, le pays ou la région de votre compte professionnel. Les incitations sont versées par pays.
mpn-profile-label = { $name } — ID MPN { $mpn } — { $country } ({ $kind })
mpn-kind-location = emplacement
mpn-kind-global = global
mpn-not-listed = Mon ID MPN ne figure pas dans la liste : me connecter avec d'autres identifiants

## Legal profile
legal-heading = Profil juridique de l'entreprise
legal-latin-note = Utilisez uniquement des caractères latins (Europe occidentale), par exemple « Moskva » et non « Москва », « Beijing » et non « 北京 ».
legal-name = Raison sociale
legal-name-hint = Telle qu'enregistrée auprès de l'administration.
address-line1 = Adresse, ligne 1
address-line2 = Adresse, ligne 2
address-city = Ville
address-state = État, province ou région
address-postal-code = Code postal
registration-inn = INN (numéro de contribuable)
registration-inn-hint = 10 chiffres pour une société, 12 pour un entrepreneur individuel.
registration-uscc = Code unifié de crédit social
registration-uscc-hint = 18 caractères, figurant sur la licence commerciale.

## Primary contact
contact-heading = Contact principal
contact-verification-note = Nous enverrons un e-mail à cette personne pour vérifier qu'elle a bien créé ce compte et que l'adresse e-mail appartient à votre organisation. Le suivi de la demande est envoyé à cette adresse.
contact-email = Adresse e-mail professionnelle
contact-email-hint = Les adresses personnelles (Gmail, Yahoo, Outlook.com, Orange, Free, Laposte.net…) ne sont pas acceptées.

## Support
support-heading = Coordonnées du support client
support-intro = Vos clients utilisent ces coordonnées pour contacter votre équipe de support.
support-email = Adresse e-mail du support
support-phone = Numéro de téléphone du support
support-website = Site web du support

## Bank
bank-heading = Coordonnées bancaires
bank-intro = Le compte sur lequel l'éditeur verse vos incitations.
bank-country = Pays ou région de la banque
bank-account-holder = Titulaire du compte
bank-iban = IBAN
bank-iban-hint = Par exemple, FR76 3000 6000 0112 3456 7890 189
bank-bic = BIC (code SWIFT)
bank-bic-hint = 8 ou 11 caractères, par exemple BNPAFRPP
bank-bik = BIK
bank-bik-hint = 9 chiffres.
bank-ru-account = Numéro de compte de règlement
bank-aba = Numéro de routage ABA
bank-aba-hint = 9 chiffres.
bank-account-number = Numéro de compte
bank-not-stored = Les numéros de compte ne sont pas enregistrés dans ce navigateur : si vous rechargez la page, ils vous seront redemandés.

## Check answers
check-heading = Vérifiez vos réponses avant de vous inscrire
check-section-type = Type de partenaire
check-section-account = Compte professionnel et ID MPN
check-section-legal = Profil juridique de l'entreprise
check-section-contact = Contact principal
check-section-support = Support client
check-section-bank = Coordonnées bancaires
check-tenant = Compte professionnel
check-mpn = ID MPN
check-address = Adresse
check-registration-id = Numéro d'immatriculation
check-name = Nom
check-bank-account = Compte
check-declaration-heading = Envoyez maintenant votre demande
check-declaration = En vous inscrivant, vous confirmez que les informations fournies sont exactes.
enroll-now = S'inscrire maintenant

## Status
status-heading = Demande envoyée
status-reference = Votre numéro de référence
status-label = Statut
status-awaiting-email-verification = En attente de vérification de l'e-mail
status-awaiting-email-verification-body = Nous avons envoyé un e-mail à votre contact principal. L'examen commence dès qu'il a confirmé son adresse.
status-in-review = En cours d'examen
status-in-review-body = Nous examinons votre demande. Cela prend en général 3 à 5 jours ouvrés.
status-approved = Approuvée
status-approved-body = Votre compte CSP est prêt. Votre administrateur général peut maintenant signer le contrat de partenariat.
status-approved-admin-agent = Vérifiez que vous faites partie du groupe des agents d'administration : Paramètres du compte, Gestion des utilisateurs, votre nom, Agent d'administration, Mettre à jour.
status-needs-changes = Modifications nécessaires
status-needs-changes-body = Nous avons besoin d'informations complémentaires. Consultez l'e-mail envoyé à votre contact principal.
status-rejected = Non approuvée
status-rejected-body = Votre demande n'a pas été approuvée. L'e-mail envoyé à votre contact principal en explique la raison.
status-next-heading = Et ensuite
status-next-verify = Nous envoyons un e-mail à { $email } pour confirmer son inscription et que l'adresse appartient à votre organisation.
status-next-review = Nous examinons votre demande. Cela prend plusieurs jours.
status-next-email = Nous envoyons un e-mail à votre contact principal une fois l'examen terminé.
status-refresh = Actualiser le statut

## Backend failures
api-conflict = Cet élément existe déjà ou a été modifié entre-temps. Vérifiez vos réponses et réessayez.
api-not-found = Élément introuvable. Vérifiez l'adresse et réessayez.
api-unauthorized = Le nom d'utilisateur ou le mot de passe est incorrect.
api-validation = Certaines réponses n'ont pas été acceptées. Corrigez-les et réessayez.
api-bad-request = La demande n'a pas été acceptée. Réessayez.
api-server = Le service est indisponible pour le moment. Vos réponses sont conservées : réessayez dans quelques minutes.
api-timeout = Le service a mis trop de temps à répondre. Vos réponses sont conservées : réessayez.
api-network = Pas de connexion au service. Vérifiez votre connexion et réessayez ; vos réponses sont conservées.
api-malformed = Le service a envoyé une réponse illisible. Vos réponses sont conservées : réessayez.

## Rule messages
err-required = Saisissez une réponse
err-choose-one = Sélectionnez une option
err-too-long = Saisissez { $max } caractères au maximum
err-email-format = Saisissez une adresse e-mail au bon format, par exemple nom@contoso.fr
err-email-consumer = Saisissez une adresse e-mail professionnelle : les adresses personnelles en { $domain } ne sont pas acceptées
err-email-role-mailbox = Saisissez l'adresse e-mail d'une personne, pas une boîte partagée comme { $mailbox }@
err-email-government = Les adresses e-mail gouvernementales en { $domain } ne sont pas acceptées : saisissez l'adresse professionnelle de votre entreprise
err-email-onmicrosoft = Les adresses en { $domain } sont acceptées, mais une adresse sur le domaine de votre entreprise est préférable
err-email-did-you-mean = Vouliez-vous dire { $suggestion } ?
err-email-taken = Un utilisateur avec cette adresse e-mail existe déjà
err-mpn-format = Saisissez un ID MPN composé uniquement de chiffres
err-mpn-length = Saisissez un ID MPN de { $min } à { $max } chiffres
err-mpn-not-found = L'ID MPN { $mpn } est introuvable pour ce compte du réseau de partenaires
err-profile-inactive = Ce profil (ID MPN { $mpn }) n'est pas actif
err-profile-not-location = Ce profil est global (ID MPN { $mpn }) : choisissez un profil d'emplacement
err-profile-country = Ce profil est situé en { $profile_country }, mais votre compte professionnel est en { $tenant_country } : choisissez un profil en { $tenant_country } ou créez-y un emplacement
err-country-unknown = Choisissez un pays ou une région dans la liste
err-latin-only = Utilisez uniquement des caractères latins (Europe occidentale) : « { $char } » n'est pas accepté
err-postal-code-format = Saisissez un code postal valide, par exemple { $example }
err-inn-format = Saisissez un INN de 10 ou 12 chiffres
err-inn-checksum = Saisissez un INN valide : les chiffres de contrôle ne correspondent pas
err-uscc-format = Saisissez un code unifié de crédit social de 18 lettres et chiffres
err-uscc-checksum = Saisissez un code unifié de crédit social valide : le caractère de contrôle ne correspond pas
err-iban-format = Saisissez un IBAN au format utilisé en { $country }
err-iban-checksum = Saisissez un IBAN valide : la clé de contrôle ne correspond pas
err-iban-length = Un IBAN en { $country } comporte { $length } caractères
err-iban-country = Cet IBAN provient de { $iban_country } : saisissez un IBAN de { $country } ou changez le pays de la banque
err-bic-format = Saisissez un BIC de 8 ou 11 lettres et chiffres, par exemple BNPAFRPP
err-bik-format = Saisissez un BIK de 9 chiffres
err-ru-account-format = Saisissez un numéro de compte de règlement de 20 chiffres
err-ru-account-checksum = Ce numéro de compte ne correspond pas au BIK : vérifiez les deux
err-aba-format = Saisissez un numéro de routage ABA de 9 chiffres
err-aba-checksum = Saisissez un numéro de routage ABA valide : le chiffre de contrôle ne correspond pas
err-account-number-format = Saisissez un numéro de compte de 4 à 34 lettres et chiffres
err-phone-format = Saisissez un numéro de téléphone au bon format, par exemple +{ $calling_code } 1 23 45 67 89
err-phone-calling-code = Saisissez le numéro de téléphone avec l'indicatif du pays, par exemple +{ $calling_code }
err-website-format = Saisissez l'adresse d'un site web au bon format, par exemple www.contoso.fr
err-domain-prefix-format = Saisissez un nom de domaine de 27 lettres et chiffres au maximum, sans espace ni point
err-domain-prefix-taken = { $domain } est déjà pris : choisissez un autre nom de domaine
err-partner-type-closed = Ce type de partenaire n'accepte pas de demandes
err-sign-in-failed = Le nom d'utilisateur ou le mot de passe est incorrect

err-choose-one--partner_type = Indiquez comment vous allez vendre les services cloud
err-choose-one--work_account-mode = Indiquez si vous avez un compte professionnel
err-email-format--work_account-user_name = Saisissez le nom d'utilisateur au bon format, par exemple admin@contoso.onmicrosoft.com
err-required--work_account-user_name = Saisissez le nom d'utilisateur de l'administrateur général
err-required--work_account-password = Saisissez le mot de passe
err-required--tenant-organization = Saisissez le nom de l'organisation
err-required--tenant-domain_prefix = Saisissez un nom de domaine
err-required--tenant-country = Choisissez le pays ou la région du compte
err-required--tenant-admin_first_name = Saisissez le prénom de l'administrateur
err-required--tenant-admin_last_name = Saisissez le nom de l'administrateur
err-required--tenant-admin_email = Saisissez l'adresse e-mail professionnelle de l'administrateur
err-required--tenant = Connectez-vous à un compte professionnel ou créez-en un
err-required--pmc-user_name = Saisissez votre nom d'utilisateur du réseau de partenaires
err-required--pmc-password = Saisissez votre mot de passe du réseau de partenaires
err-choose-one--profile = Sélectionnez le profil qui reçoit vos incitations
err-required--legal-legal_name = Saisissez la raison sociale
err-required--legal-address-country = Choisissez le pays ou la région
err-required--legal-address-line1 = Saisissez la ligne 1 de l'adresse, en général le numéro et la rue
err-required--legal-address-city = Saisissez la ville
err-required--legal-address-state = Saisissez l'État, la province ou la région
err-required--legal-address-postal_code = Saisissez le code postal
err-required--legal-registration_id = Saisissez le numéro d'immatriculation
err-required--contact-first_name = Saisissez le prénom
err-required--contact-last_name = Saisissez le nom
err-required--contact-email = Saisissez l'adresse e-mail professionnelle
err-required--contact-phone = Saisissez le numéro de téléphone
err-required--support-email = Saisissez l'adresse e-mail du support
err-required--support-phone = Saisissez le numéro de téléphone du support
err-required--bank-country = Choisissez le pays ou la région de la banque
err-required--bank-account_holder = Saisissez le titulaire du compte
err-required--bank-iban = Saisissez l'IBAN
err-required--bank-bic = Saisissez le BIC (code SWIFT)
err-required--bank-bank_code = Saisissez le code de la banque
err-required--bank-account_number = Saisissez le numéro de compte
err-required--user-name = Saisissez le nom complet de l'utilisateur
err-required--user-email = Saisissez l'adresse e-mail professionnelle de l'utilisateur
