# csp-portal — English. Every id here exists in ru.ftl, zh-CN.ftl and fr.ftl (a test checks).

## Shell
app-title = CSP Partner Portal
skip-to-content = Skip to main content
nav-label = Main
nav-enroll = Enroll
language-label = Language
back = Back
continue = Continue
change = Change
optional = (optional)
busy = Working…
busy-submitting = Sending your application…
error-prefix = Error:
title-error-prefix = Error:
error-summary-title = There is a problem
storage-failed = This browser is not saving your answers. They will be lost if you reload or close the page.
step-progress = Step { $current } of { $total }
choose-country = Choose a country or region
country = Country or region
password = Password
first-name = First name
last-name = Last name
phone = Phone number
phone-hint = Include the country code, like +{ $calling_code }
postal-code-hint = For example, { $example }

## Home and not found
home-heading = Enroll in the Cloud Solution Provider program
home-intro = Apply to resell the vendor's cloud services as a CSP partner. It takes about 20 minutes; your answers are kept in this browser as you go.
home-start = Start now
home-resume = You have an application in progress.
home-resume-action = Continue your application
not-found-heading = Page not found
not-found-body = If you typed the web address, check it is correct.
not-found-home = Go to the start page

## Welcome
welcome-heading = Before you start
welcome-intro = To enroll in the Cloud Solution Provider (CSP) program you will be asked for the following.
welcome-needs-heading = What you need
welcome-need-mpn = Your MPN ID (PartnerID) from the partner network
welcome-need-admin = The global admin user name and password of your organization's work account (or you can create a work account during enrollment)
welcome-need-pmc = The user name and password of the partner network site, to find your MPN ID
welcome-need-legal = Your organization's legal business name and complete business address
welcome-need-contact = A primary contact with a work email address
welcome-need-support = Customer support details: email, phone and website
welcome-need-bank = Your bank information
welcome-need-admin-email = The work email address of the employee who will be the portal admin
welcome-no-mpn = Don't have an MPN ID yet?
welcome-join = Join the partner network
welcome-review-time = Review and verification take several days (usually 3 to 5 business days). We email your primary contact when the review is complete.

## Partner type
partner-type-heading = How will you sell cloud services?
partner-type-legend = Partner type
partner-type-indirect-reseller = Indirect reseller
partner-type-indirect-reseller-hint = You sell to customers through an indirect provider (distributor), who buys from the vendor and handles billing and support.
partner-type-direct-partner = Direct partner
partner-type-direct-partner-hint = You bill and support your customers yourself and buy directly from the vendor. You must meet the acceptance criteria.
partner-type-indirect-provider = Indirect provider
partner-type-indirect-provider-hint = You buy from the vendor and serve customers through indirect resellers.
partner-type-closed-hint = Not accepting applications at the moment.
already-enrolled = We are already enrolled in CSP
already-enrolled-hint = You will only be asked for your customer support contact information.
partner-type-closed-heading = This partner type is not accepting applications
partner-type-closed-body = Applications for { $type } are closed at the moment.
partner-type-closed-suggest = You can enroll as an indirect reseller instead and sell through an indirect provider.
partner-type-closed-action = Enroll as an indirect reseller

## Work account
work-account-heading = Your work account
work-account-intro = Your organization's work account (the directory used for Office 365, Azure or Dynamics) is linked to your CSP account. Its country or region must match your MPN ID's location.
work-account-mode-legend = Do you have a work account?
work-account-mode-sign-in = Yes, sign in as global admin
work-account-mode-sign-in-hint = Use the user name and password of a global admin of the account.
work-account-mode-create = No, create a work account
work-account-mode-create-hint = We create a new account for your organization.
work-account-user-name = Global admin user name
work-account-user-name-hint = For example, admin@contoso.onmicrosoft.com
work-account-signed-in = Signed in to { $domain } ({ $country }).
work-account-use-another = Use another work account
tenant-organization = Organization name
tenant-domain-prefix = Domain name
tenant-domain-prefix-hint = Letters and numbers only. Your account will be { $domain }. It can't be changed later.
tenant-country = Country or region of the account
tenant-country-hint = This can't be changed later. Your MPN ID must be for the same country or region.
tenant-admin-email = Admin's work email address

## MPN ID
mpn-heading = Link your MPN ID
mpn-sign-in-intro = Sign in to the partner network site to find the organization profiles of your MPN ID.
mpn-pmc-user-name = Partner network user name
mpn-choose-legend = Which profile carries your incentives, benefits and competencies?
mpn-choose-hint = Choose an active location profile in { $country }, the country or region of your work account. Incentives are paid per country.
mpn-profile-label = { $name } — MPN ID { $mpn } — { $country } ({ $kind })
mpn-kind-location = location
mpn-kind-global = global
mpn-not-listed = My MPN ID is not listed: sign in with other credentials

## Legal profile
legal-heading = Legal business profile
legal-latin-note = Use Western European (Latin) characters only, for example "Moskva" not "Москва", "Beijing" not "北京".
legal-name = Legal business name
legal-name-hint = As registered with your government.
address-line1 = Address line 1
address-line2 = Address line 2
address-city = Town or city
address-state = State, province or region
address-postal-code = Postal code
registration-inn = INN (taxpayer number)
registration-inn-hint = 10 digits for a company, 12 for a sole trader.
registration-uscc = Unified social credit code
registration-uscc-hint = 18 characters, from your business licence.

## Primary contact
contact-heading = Primary contact
contact-verification-note = We will email this person to check that they signed up for this account and that the email address belongs to your organization. Status updates go to this address.
contact-email = Work email address
contact-email-hint = Personal email addresses such as Gmail, Yahoo, Outlook.com, mail.ru or QQ are not accepted.

## Support
support-heading = Customer support details
support-intro = Your customers use these details to contact your support team.
support-email = Support email address
support-phone = Support phone number
support-website = Support website

## Bank
bank-heading = Bank information
bank-intro = The account where the vendor pays your incentives.
bank-country = Country or region of the bank
bank-account-holder = Name on the account
bank-iban = IBAN
bank-iban-hint = For example, FR76 3000 6000 0112 3456 7890 189
bank-bic = BIC (SWIFT code)
bank-bic-hint = 8 or 11 characters, for example BNPAFRPP
bank-bik = BIK
bank-bik-hint = 9 digits.
bank-ru-account = Settlement account number
bank-aba = ABA routing number
bank-aba-hint = 9 digits.
bank-account-number = Account number
bank-not-stored = Account numbers are not saved in this browser: if you reload the page you will be asked for them again.

## Check answers
check-heading = Check your answers before enrolling
check-section-type = Partner type
check-section-account = Work account and MPN ID
check-section-legal = Legal business profile
check-section-contact = Primary contact
check-section-support = Customer support
check-section-bank = Bank information
check-tenant = Work account
check-mpn = MPN ID
check-address = Address
check-registration-id = Registration ID
check-name = Name
check-bank-account = Account
check-declaration-heading = Now send your application
check-declaration = By enrolling you confirm that the details you have given are correct.
enroll-now = Enroll now

## Status
status-heading = Application submitted
status-reference = Your reference number
status-label = Status
status-awaiting-email-verification = Awaiting email verification
status-awaiting-email-verification-body = We have emailed your primary contact. The review starts once they confirm their address.
status-in-review = In review
status-in-review-body = We are reviewing your application. This usually takes 3 to 5 business days.
status-approved = Approved
status-approved-body = Your CSP account is ready. Your global admin can now sign the partner agreement.
status-approved-admin-agent = Check that you are in the admin agent group: Account settings, User management, your name, Admin agent, Update.
status-needs-changes = Needs changes
status-needs-changes-body = We need more information. Check the email sent to your primary contact.
status-rejected = Not approved
status-rejected-body = Your application was not approved. The email to your primary contact explains why.
status-next-heading = What happens next
status-next-verify = We email { $email } to confirm that they signed up and that the address belongs to your organization.
status-next-review = We review your application. This takes several days.
status-next-email = We email your primary contact when the review is complete.
status-refresh = Check status again

## Backend failures
api-conflict = This was changed by someone else or already exists. Check the answers and try again.
api-not-found = We could not find that. Check the address and try again.
api-unauthorized = The user name or password is not right.
api-validation = Some answers were not accepted. Correct them and try again.
api-bad-request = The request was not accepted. Try again.
api-server = The service is not available at the moment. Your answers are kept: try again in a few minutes.
api-timeout = The service took too long to answer. Your answers are kept: try again.
api-network = There is no connection to the service. Check your connection and try again; your answers are kept.
api-malformed = The service sent an answer we could not read. Your answers are kept: try again.

## Rule messages (err-<code>, and err-<code>--<field> where the field needs its own words)
err-required = Enter an answer
err-choose-one = Select an option
err-too-long = Enter no more than { $max } characters
err-email-format = Enter an email address in the correct format, like name@contoso.com
err-email-consumer = Enter a work email address: personal addresses at { $domain } are not accepted
err-email-role-mailbox = Enter the email address of a person, not a shared mailbox like { $mailbox }@
err-email-government = Government email addresses at { $domain } are not accepted: enter your company's work email address
err-email-onmicrosoft = Addresses at { $domain } are accepted, but an address on your company's own domain is better
err-email-did-you-mean = Did you mean { $suggestion }?
err-email-taken = A user with this email address already exists
err-mpn-format = Enter an MPN ID using numbers only
err-mpn-length = Enter an MPN ID of { $min } to { $max } digits
err-mpn-not-found = MPN ID { $mpn } was not found for this partner network account
err-profile-inactive = This profile (MPN ID { $mpn }) is not active
err-profile-not-location = This is a global profile (MPN ID { $mpn }): choose a location profile
err-profile-country = This profile is in { $profile_country }, but your work account is in { $tenant_country }: choose a profile in { $tenant_country }, or create a location there
err-country-unknown = Choose a country or region from the list
err-latin-only = Use Western European (Latin) characters only: "{ $char }" is not accepted
err-postal-code-format = Enter a real postal code, like { $example }
err-inn-format = Enter an INN of 10 or 12 digits
err-inn-checksum = Enter a real INN: the check digits do not match
err-uscc-format = Enter a unified social credit code of 18 letters and numbers
err-uscc-checksum = Enter a real unified social credit code: the check character does not match
err-iban-format = Enter an IBAN in the format used in { $country }
err-iban-checksum = Enter a real IBAN: the check digits do not match
err-iban-length = An IBAN in { $country } has { $length } characters
err-iban-country = This IBAN is from { $iban_country }: enter an IBAN from { $country }, or change the bank's country
err-bic-format = Enter a BIC of 8 or 11 letters and numbers, like BNPAFRPP
err-bik-format = Enter a BIK of 9 digits
err-ru-account-format = Enter a settlement account number of 20 digits
err-ru-account-checksum = This account number does not match the BIK: check both
err-aba-format = Enter an ABA routing number of 9 digits
err-aba-checksum = Enter a real ABA routing number: the check digit does not match
err-account-number-format = Enter an account number of 4 to 34 letters and numbers
err-phone-format = Enter a phone number in the correct format, like +{ $calling_code } 1 23 45 67 89
err-phone-calling-code = Enter the phone number with its country code, like +{ $calling_code }
err-website-format = Enter a website address in the correct format, like www.contoso.com
err-domain-prefix-format = Enter a domain name of up to 27 letters and numbers, with no spaces or dots
err-domain-prefix-taken = { $domain } is already taken: choose another domain name
err-partner-type-closed = This partner type is not accepting applications
err-sign-in-failed = The user name or password is not right

err-choose-one--partner_type = Select how you will sell cloud services
err-choose-one--work_account-mode = Select whether you have a work account
err-email-format--work_account-user_name = Enter the user name in the correct format, like admin@contoso.onmicrosoft.com
err-required--work_account-user_name = Enter the global admin user name
err-required--work_account-password = Enter the password
err-required--tenant-organization = Enter the organization name
err-required--tenant-domain_prefix = Enter a domain name
err-required--tenant-country = Choose the country or region of the account
err-required--tenant-admin_first_name = Enter the admin's first name
err-required--tenant-admin_last_name = Enter the admin's last name
err-required--tenant-admin_email = Enter the admin's work email address
err-required--tenant = Sign in to a work account or create one
err-required--pmc-user_name = Enter your partner network user name
err-required--pmc-password = Enter your partner network password
err-choose-one--profile = Select the profile that carries your incentives
err-required--legal-legal_name = Enter the legal business name
err-required--legal-address-country = Choose the country or region
err-required--legal-address-line1 = Enter address line 1, typically the building and street
err-required--legal-address-city = Enter the town or city
err-required--legal-address-state = Enter the state, province or region
err-required--legal-address-postal_code = Enter the postal code
err-required--legal-registration_id = Enter the registration ID
err-required--contact-first_name = Enter the first name
err-required--contact-last_name = Enter the last name
err-required--contact-email = Enter the work email address
err-required--contact-phone = Enter the phone number
err-required--support-email = Enter the support email address
err-required--support-phone = Enter the support phone number
err-required--bank-country = Choose the country or region of the bank
err-required--bank-account_holder = Enter the name on the account
err-required--bank-iban = Enter the IBAN
err-required--bank-bic = Enter the BIC (SWIFT code)
err-required--bank-bank_code = Enter the bank code
err-required--bank-account_number = Enter the account number
err-required--user-name = Enter the user's full name
err-required--user-email = Enter the user's work email address
