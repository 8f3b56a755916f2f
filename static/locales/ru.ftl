# csp-portal — русский.

## Shell
app-title = Портал партнеров CSP
skip-to-content = Перейти к основному содержимому
nav-label = Главное меню
nav-enroll = Регистрация
language-label = Язык
back = Назад
continue = Продолжить
change = Изменить
optional = (необязательно)
busy = Выполняется…
busy-submitting = Отправляем заявку…
error-prefix = Ошибка:
title-error-prefix = Ошибка:
error-summary-title = Обнаружена проблема
storage-failed = Этот браузер не сохраняет ваши ответы. Они будут потеряны, если вы перезагрузите или закроете страницу.
step-progress = Шаг { $current } из { $total }
choose-country = Выберите страну или регион
country = Страна или регион
password = Пароль
first-name = Имя
last-name = Фамилия
phone = Номер телефона
phone-hint = Укажите код страны, например +{ $calling_code }
phone-hint-any = Укажите код страны, начиная с +
postal-code-hint = Например, { $example }

## Home and not found
home-heading = Регистрация в программе поставщиков облачных решений
home-intro = Подайте заявку, чтобы перепродавать облачные службы поставщика в качестве партнера CSP. Это займет около 20 минут; ответы сохраняются в этом браузере по мере заполнения.
home-start = Начать
home-resume = У вас есть незавершенная заявка.
home-resume-action = Продолжить заявку
not-found-heading = Страница не найдена
not-found-body = Если вы ввели адрес вручную, проверьте его.
not-found-home = Перейти на начальную страницу

## Welcome
welcome-heading = Перед началом
welcome-intro = Для регистрации в программе поставщиков облачных решений (CSP) потребуются следующие сведения.
welcome-needs-heading = Что потребуется
welcome-need-mpn = Идентификатор MPN (PartnerID) из партнерской сети
welcome-need-admin = Имя пользователя и пароль глобального администратора рабочей учетной записи организации (или создайте рабочую учетную запись во время регистрации)
welcome-need-pmc = Имя пользователя и пароль сайта партнерской сети, чтобы найти идентификатор MPN
welcome-need-legal = Юридическое название организации и полный рабочий адрес
welcome-need-contact = Основное контактное лицо с рабочим адресом электронной почты
welcome-need-support = Сведения для поддержки клиентов: электронная почта, телефон и веб-сайт
welcome-need-bank = Банковские сведения
welcome-need-admin-email = Рабочий адрес электронной почты сотрудника, который будет администратором портала
welcome-no-mpn = У вас еще нет идентификатора MPN?
welcome-join = Присоединиться к партнерской сети
welcome-review-time = Проверка занимает несколько дней (обычно от 3 до 5 рабочих дней). Когда проверка завершится, мы отправим письмо основному контактному лицу.

## Partner type
partner-type-heading = Как вы будете продавать облачные службы?
partner-type-legend = Тип партнера
partner-type-indirect-reseller = Непрямой торговый посредник
partner-type-indirect-reseller-hint = Вы продаете клиентам через непрямого поставщика (дистрибьютора), который покупает у производителя и отвечает за выставление счетов и поддержку.
partner-type-direct-partner = Прямой партнер
partner-type-direct-partner-hint = Вы сами выставляете счета клиентам и поддерживаете их, покупая напрямую у производителя. Необходимо соответствовать критериям приема.
partner-type-indirect-provider = Непрямой поставщик
partner-type-indirect-provider-hint = Вы покупаете у производителя и обслуживаете клиентов через непрямых торговых посредников.
partner-type-closed-hint = Сейчас заявки не принимаются.
already-enrolled = Мы уже зарегистрированы в CSP
already-enrolled-hint = Потребуются только контактные данные службы поддержки клиентов.
partner-type-closed-heading = Заявки для этого типа партнера не принимаются
partner-type-closed-body = Прием заявок для типа «{ $type }» сейчас закрыт.
partner-type-closed-suggest = Вместо этого вы можете зарегистрироваться как непрямой торговый посредник и продавать через непрямого поставщика.
partner-type-closed-action = Зарегистрироваться как непрямой торговый посредник

## Work account
work-account-heading = Рабочая учетная запись
work-account-intro = Рабочая учетная запись организации (каталог для Office 365, Azure или Dynamics) связывается с учетной записью CSP. Ее страна или регион должны совпадать с расположением вашего идентификатора MPN.
work-account-mode-legend = У вас есть рабочая учетная запись?
work-account-mode-sign-in = Да, войти как глобальный администратор
work-account-mode-sign-in-hint = Используйте имя пользователя и пароль глобального администратора учетной записи.
work-account-mode-create = Нет, создать рабочую учетную запись
work-account-mode-create-hint = Мы создадим новую учетную запись для вашей организации.
work-account-user-name = Имя пользователя глобального администратора
work-account-user-name-hint = Например, admin@contoso.onmicrosoft.com
work-account-signed-in = Выполнен вход в { $domain } ({ $country }).
work-account-use-another = Использовать другую рабочую учетную запись
tenant-organization = Название организации
tenant-domain-prefix = Доменное имя
tenant-domain-prefix-hint = Только латинские буквы и цифры. Ваша учетная запись: { $domain }. Изменить позже нельзя.
tenant-country = Страна или регион учетной записи
tenant-country-hint = Изменить позже нельзя. Идентификатор MPN должен относиться к той же стране или региону.
tenant-admin-email = Рабочий адрес электронной почты администратора

## MPN ID
mpn-heading = Привязка идентификатора MPN
mpn-sign-in-intro = Войдите на сайт партнерской сети, чтобы найти профили организации с вашим идентификатором MPN.
mpn-pmc-user-name = Имя пользователя партнерской сети
mpn-choose-legend = Какой профиль получает ваши поощрения, преимущества и компетенции?
mpn-choose-hint = Выберите активный профиль расположения в стране «{ $country }» — стране или регионе рабочей учетной записи. Поощрения выплачиваются по странам.
mpn-profile-label = { $name } — MPN ID { $mpn } — { $country } ({ $kind })
mpn-kind-location = расположение
mpn-kind-global = глобальный
mpn-not-listed = Моего идентификатора MPN нет в списке: войти с другими учетными данными

## Legal profile
legal-heading = Юридический профиль организации
legal-latin-note = Используйте только западноевропейские (латинские) символы, например «Moskva», а не «Москва», «Beijing», а не «北京».
legal-name = Юридическое название организации
legal-name-hint = Как зарегистрировано в государственных органах.
address-line1 = Адрес, строка 1
address-line2 = Адрес, строка 2
address-city = Город или населенный пункт
address-state = Область, край или регион
address-postal-code = Почтовый индекс
registration-inn = ИНН
registration-inn-hint = 10 цифр для организации, 12 — для индивидуального предпринимателя.
registration-uscc = Единый код социального кредита
registration-uscc-hint = 18 символов, из лицензии на ведение бизнеса.

## Primary contact
contact-heading = Основное контактное лицо
contact-verification-note = Мы отправим этому человеку письмо, чтобы убедиться, что он зарегистрировал эту учетную запись и что адрес электронной почты принадлежит вашей организации. Сведения о состоянии заявки приходят на этот адрес.
contact-email = Рабочий адрес электронной почты
contact-email-hint = Личные адреса, например Gmail, Yahoo, Outlook.com, mail.ru или QQ, не принимаются.

## Support
support-heading = Сведения для поддержки клиентов
support-intro = По этим данным клиенты связываются с вашей службой поддержки.
support-email = Адрес электронной почты поддержки
support-phone = Телефон поддержки
support-website = Веб-сайт поддержки

## Bank
bank-heading = Банковские сведения
bank-intro = Счет, на который производитель выплачивает поощрения.
bank-country = Страна или регион банка
bank-account-holder = Владелец счета
bank-iban = IBAN
bank-iban-hint = Например, FR76 3000 6000 0112 3456 7890 189
bank-bic = BIC (код SWIFT)
bank-bic-hint = 8 или 11 символов, например BNPAFRPP
bank-bik = БИК
bank-bik-hint = 9 цифр.
bank-ru-account = Номер расчетного счета
bank-aba = Маршрутный номер ABA
bank-aba-hint = 9 цифр.
bank-account-number = Номер счета
bank-not-stored = Номера счетов не сохраняются в этом браузере: после перезагрузки страницы их нужно будет ввести снова.

## Check answers
check-heading = Проверьте ответы перед регистрацией
check-section-type = Тип партнера
check-section-account = Рабочая учетная запись и идентификатор MPN
check-section-legal = Юридический профиль организации
check-section-contact = Основное контактное лицо
check-section-support = Поддержка клиентов
check-section-bank = Банковские сведения
check-tenant = Рабочая учетная запись
check-mpn = Идентификатор MPN
check-address = Адрес
check-registration-id = Регистрационный номер
check-name = Имя
check-bank-account = Счет
check-declaration-heading = Отправка заявки
check-declaration = Регистрируясь, вы подтверждаете, что указанные сведения верны.
enroll-now = Зарегистрироваться

## Status
status-heading = Заявка отправлена
status-reference = Номер заявки
status-label = Состояние
status-awaiting-email-verification = Ожидается подтверждение адреса электронной почты
status-awaiting-email-verification-body = Мы отправили письмо основному контактному лицу. Проверка начнется после подтверждения адреса.
status-in-review = На проверке
status-in-review-body = Мы проверяем вашу заявку. Обычно это занимает от 3 до 5 рабочих дней.
status-approved = Одобрена
status-approved-body = Ваша учетная запись CSP готова. Глобальный администратор может подписать партнерское соглашение.
status-approved-admin-agent = Убедитесь, что вы входите в группу агентов по администрированию: Параметры учетной записи, Управление пользователями, ваше имя, Агент по администрированию, Обновить.
status-needs-changes = Требуются изменения
status-needs-changes-body = Нам нужны дополнительные сведения. Проверьте письмо, отправленное основному контактному лицу.
status-rejected = Не одобрена
status-rejected-body = Ваша заявка не одобрена. Причина указана в письме основному контактному лицу.
status-next-heading = Что будет дальше
status-next-verify = Мы отправим письмо на { $email }, чтобы подтвердить регистрацию и принадлежность адреса вашей организации.
status-next-review = Мы проверим заявку. Это занимает несколько дней.
status-next-email = Когда проверка завершится, мы отправим письмо основному контактному лицу.
status-refresh = Проверить состояние снова

## Backend failures
api-conflict = Эти данные уже существуют или были изменены. Проверьте ответы и повторите попытку.
api-not-found = Не удалось найти запрошенные данные. Проверьте адрес и повторите попытку.
api-unauthorized = Неверное имя пользователя или пароль.
api-validation = Некоторые ответы не приняты. Исправьте их и повторите попытку.
api-bad-request = Запрос не принят. Повторите попытку.
api-server = Служба сейчас недоступна. Ваши ответы сохранены: повторите попытку через несколько минут.
api-timeout = Служба слишком долго не отвечает. Ваши ответы сохранены: повторите попытку.
api-network = Нет подключения к службе. Проверьте подключение и повторите попытку; ваши ответы сохранены.
api-malformed = Служба прислала ответ, который не удалось прочитать. Ваши ответы сохранены: повторите попытку.

## Rule messages
err-required = Введите ответ
err-choose-one = Выберите вариант
err-too-long = Введите не более { $max ->
    [one] { $max } символа
   *[other] { $max } символов
}
err-email-format = Введите адрес электронной почты в правильном формате, например name@contoso.com
err-email-consumer = Введите рабочий адрес электронной почты: личные адреса на { $domain } не принимаются
err-email-role-mailbox = Введите адрес конкретного человека, а не общий ящик вроде { $mailbox }@
err-email-government = Государственные адреса на { $domain } не принимаются: введите рабочий адрес вашей компании
err-email-onmicrosoft = Адреса на { $domain } принимаются, но лучше указать адрес на собственном домене компании
err-email-did-you-mean = Возможно, вы имели в виду { $suggestion }?
err-email-taken = Пользователь с таким адресом электронной почты уже существует
err-mpn-format = Идентификатор MPN должен состоять только из цифр
err-mpn-length = Идентификатор MPN должен содержать от { $min } до { $max ->
    [one] { $max } цифры
   *[other] { $max } цифр
}
err-mpn-not-found = Идентификатор MPN { $mpn } не найден для этой учетной записи партнерской сети
err-profile-inactive = Этот профиль (MPN ID { $mpn }) неактивен
err-profile-not-location = Это глобальный профиль (MPN ID { $mpn }): выберите профиль расположения
err-profile-country = Этот профиль относится к стране «{ $profile_country }», а рабочая учетная запись — к стране «{ $tenant_country }»: выберите профиль в стране «{ $tenant_country }» или создайте там расположение
err-country-unknown = Выберите страну или регион из списка
err-latin-only = Используйте только западноевропейские (латинские) символы: «{ $char }» не принимается
err-postal-code-format = Введите действительный почтовый индекс, например { $example }
err-inn-format = ИНН должен содержать 10 или 12 цифр
err-inn-checksum = Введите действительный ИНН: контрольные цифры не совпадают
err-uscc-format = Единый код социального кредита должен содержать 18 букв и цифр
err-uscc-checksum = Введите действительный единый код социального кредита: контрольный символ не совпадает
err-iban-format = Введите IBAN в формате, принятом в стране «{ $country }»
err-iban-checksum = Введите действительный IBAN: контрольные цифры не совпадают
err-iban-length = IBAN в стране «{ $country }» содержит { $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[other] { $length } символов
}
err-iban-country = Этот IBAN из страны «{ $iban_country }»: введите IBAN из страны «{ $country }» или измените страну банка
err-bic-format = BIC должен содержать 8 или 11 букв и цифр, например BNPAFRPP
err-bik-format = БИК должен содержать 9 цифр
err-ru-account-format = Номер расчетного счета должен содержать 20 цифр
err-ru-account-checksum = Номер счета не соответствует БИК: проверьте оба значения
err-aba-format = Маршрутный номер ABA должен содержать 9 цифр
err-aba-checksum = Введите действительный маршрутный номер ABA: контрольная цифра не совпадает
err-account-number-format = Номер счета должен содержать от 4 до 34 букв и цифр
err-phone-format = Введите номер телефона в правильном формате, например +{ $calling_code } 495 123-45-67
err-phone-calling-code = Введите номер телефона с кодом страны, например +{ $calling_code }
err-website-format = Введите адрес веб-сайта в правильном формате, например www.contoso.ru
err-domain-prefix-format = Доменное имя: до 27 латинских букв и цифр, без пробелов и точек
err-domain-prefix-taken = Имя { $domain } уже занято: выберите другое доменное имя
err-partner-type-closed = Для этого типа партнера заявки не принимаются
err-sign-in-failed = Неверное имя пользователя или пароль

err-choose-one--partner-type = Выберите, как вы будете продавать облачные службы
err-choose-one--work-account-mode = Укажите, есть ли у вас рабочая учетная запись
err-email-format--work-account-user-name = Введите имя пользователя в правильном формате, например admin@contoso.onmicrosoft.com
err-required--work-account-user-name = Введите имя пользователя глобального администратора
err-required--work-account-password = Введите пароль
err-required--tenant-organization = Введите название организации
err-required--tenant-domain-prefix = Введите доменное имя
err-required--tenant-country = Выберите страну или регион учетной записи
err-required--tenant-admin-first-name = Введите имя администратора
err-required--tenant-admin-last-name = Введите фамилию администратора
err-required--tenant-admin-email = Введите рабочий адрес электронной почты администратора
err-required--tenant = Войдите в рабочую учетную запись или создайте ее
err-required--pmc-user-name = Введите имя пользователя партнерской сети
err-required--pmc-password = Введите пароль партнерской сети
err-choose-one--profile = Выберите профиль, который получает поощрения
err-required--legal-legal-name = Введите юридическое название организации
err-required--legal-address-country = Выберите страну или регион
err-required--legal-address-line1 = Введите первую строку адреса, обычно улицу и дом
err-required--legal-address-city = Введите город или населенный пункт
err-required--legal-address-state = Введите область, край или регион
err-required--legal-address-postal-code = Введите почтовый индекс
err-required--legal-registration-id = Введите регистрационный номер
err-required--contact-first-name = Введите имя
err-required--contact-last-name = Введите фамилию
err-required--contact-email = Введите рабочий адрес электронной почты
err-required--contact-phone = Введите номер телефона
err-required--support-email = Введите адрес электронной почты поддержки
err-required--support-phone = Введите телефон поддержки
err-required--bank-country = Выберите страну или регион банка
err-required--bank-account-holder = Введите владельца счета
err-required--bank-iban = Введите IBAN
err-required--bank-bic = Введите BIC (код SWIFT)
err-required--bank-bank-code = Введите код банка
err-required--bank-account-number = Введите номер счета
err-required--user-name = Введите полное имя пользователя
err-required--user-email = Введите рабочий адрес электронной почты пользователя

## Team: sign-in, account, roles, users
nav-roles = Роли
nav-users = Пользователи
nav-account = Моя учетная запись
sign-in = Войти
sign-out = Выйти
sign-in-heading = Вход на портал партнеров
sign-in-user-name = Имя пользователя (рабочий адрес электронной почты)
sign-in-demo = Демонстрационный сервер: войдите как admin@contoso.onmicrosoft.com с паролем «demo» или как добавленный пользователь с его временным паролем.
sign-in-needed-heading = Войдите, чтобы открыть эту страницу
sign-in-needed-body = Эта страница доступна пользователям партнера после входа.
no-permission-heading = У вас нет разрешения на просмотр этой страницы
no-permission-body = Ваши роли не включают этот раздел портала. Попросите глобального администратора или администратора управления пользователями изменить ваши роли.
retry = Повторить
account-heading = Моя учетная запись
account-admin-agent-heading = Группа агентов по администрированию
account-admin-agent-yes = Вы входите в группу агентов по администрированию.
account-admin-agent-no = Вы не входите в группу агентов по администрированию. Сотрудник, выполнивший регистрацию, должен входить в нее, чтобы управлять службами клиентов.
account-admin-agent-action = Добавить меня в группу агентов по администрированию
account-can-heading = Что вы можете делать
account-can-nothing = Ваши роли пока не дают вам задач.
account-features-heading = Доступные разделы портала
feature-customers = Клиенты
feature-service-health = Работоспособность служб
feature-service-requests = Запросы на обслуживание
feature-relationship-requests = Запросы отношений с клиентами
feature-indirect-providers = Непрямые поставщики
feature-leads = Потенциальные клиенты
feature-billing = Выставление счетов
feature-users = Управление пользователями
feature-partner-profile = Профиль партнера
feature-portal-support = Запросы в поддержку портала
roles-heading = Роли и их возможности
roles-intro = У каждого пользователя одна роль агента (или «не агент») и одна роль администратора (или «не администратор»).
roles-filter = Кто может…
roles-filter-all = Показать все роли
roles-filter-result = { $count ->
    [one] Это может { $count } роль: { $roles }
    [few] Это могут { $count } роли: { $roles }
   *[other] Это могут { $count } ролей: { $roles }
}
roles-col-role = Роль
roles-col-can = Что они могут делать
roles-col-cannot = Что они не могут делать
roles-can-do-this = Может это делать
role-kind-agent = Роль агента
role-kind-admin = Роль администратора
role-not-agent = Не агент
role-not-admin = Не администратор
users-heading = Пользователи
users-add = Добавить пользователя
users-edit = Изменить
users-actions = Действия
user-name = Имя
user-full-name = Полное имя
user-email = Адрес электронной почты
user-email-hint = Рабочий адрес, уникальный среди ваших пользователей. Он станет именем для входа.
user-agent-role = Роль агента
user-agent-role-hint = Какие данные клиентов и учетной записи пользователь может просматривать и изменять.
user-admin-role = Роль администратора
user-admin-role-hint = Какими функциями портала может пользоваться пользователь. Рекомендуется «Не администратор».
add-user-heading = Добавление пользователя
add-user-add = Добавить
confirm-user-heading = Проверьте данные нового пользователя
confirm-user-add = Добавить пользователя
user-added-heading = Пользователь добавлен
user-added-once = Скопируйте данные для входа сейчас: они больше не будут показаны.
user-added-sign-in-name = Имя для входа
user-added-password = Временный пароль
user-added-copy = Скопировать данные для входа
user-added-copied = Скопировано в буфер обмена.
user-added-change-password = Пользователь должен сменить этот пароль при первом входе.
user-added-done = Готово
user-added-gone-heading = Данные для входа больше не показываются
user-added-gone-body = В целях безопасности они показываются только один раз. Если вы их не скопировали, удалите пользователя и добавьте его снова.
edit-user-heading = Роли пользователя { $name }
edit-user-save = Сохранить роли
remove-user-heading = Удаление пользователя
remove-user = Удалить пользователя
remove-user-confirm = { $name } больше не сможет войти. Это действие нельзя отменить.
remove-user-yes = Да, удалить пользователя { $name }
err-sign-in-failed--session-user-name = Неверное имя пользователя или пароль
err-required--session-user-name = Введите имя пользователя
err-required--session-password = Введите пароль
err-choose-one--user-agent-role = Выберите роль агента или «Не агент»
err-choose-one--user-admin-role = Выберите роль администратора или «Не администратор»
status-approved-check-now = Проверить мою группу агентов по администрированию
mpn-needs-work-account = Сначала войдите в рабочую учетную запись: профиль MPN проверяется по ее стране или региону.
