# csp-portal — русский.

## Shell
app-title = Портал партнеров CSP
skip-to-content = Перейти к основному содержимому
nav-label = Главное меню
nav-enroll = Регистрация
language-label = Язык
language-apply = Сменить язык
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
nav-roles = Роли
nav-users = Пользователи
nav-account = Моя учетная запись
nav-review = Проверка заявок
sign-in = Войти
sign-out = Выйти
retry = Повторить
page-load-failed = Не удалось загрузить страницу. Проверьте подключение и повторите попытку; ваши ответы сохранены.

## Home and not found
home-heading = Регистрация в программе поставщиков облачных решений
home-intro = Подайте заявку, чтобы перепродавать облачные службы поставщика в качестве партнера CSP. Это займет около 20 минут; ответы сохраняются в этом браузере по мере заполнения.
home-start = Начать
home-resume = У вас есть незавершенная заявка.
home-resume-action = Продолжить заявку
not-found-heading = Страница не найдена
not-found-body = Если вы ввели адрес вручную, проверьте его.
not-found-home = Перейти на начальную страницу
home-saved-for = Ответы хранятся в этом браузере { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
  } после последнего изменения. Номера банковских счетов и пароли никогда не сохраняются.
home-discard = Удалить эту заявку
home-discard-confirm = Все ваши ответы будут удалены из этого браузера. Это действие нельзя отменить.
home-discard-yes = Да, удалить
home-discarded = Ваши ответы удалены из этого браузера.

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
work-account-created-heading = Ваша рабочая учетная запись готова
work-account-created-once = Запишите или скопируйте данные для входа ее глобального администратора сейчас: пароль больше не будет показан.
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
status-approved-admin-agent = Убедитесь, что вы входите в группу агентов по администрированию: Параметры учетной записи, Управление пользователями, ваше имя, Агент по администрированию, Обновить.
status-needs-changes = Требуются изменения
status-rejected = Не одобрена
status-next-heading = Что будет дальше
status-next-verify = Мы отправим письмо на { $email }, чтобы подтвердить регистрацию и принадлежность адреса вашей организации.
status-next-review = Мы проверим заявку. Это занимает несколько дней.
status-next-email = Когда проверка завершится, мы отправим письмо основному контактному лицу.
status-refresh = Проверить состояние снова
status-changes-heading = Что изменить
status-resubmit-intro = Исправьте ответы, о которых написал проверяющий, проверьте все ответы и отправьте заявку повторно. Номер заявки останется прежним.
status-resubmit = Изменить и отправить повторно
status-approved-next = Глобальный администратор входит на портал с рабочей учетной записью, через которую подана заявка (в домене { $domain }), и подписывает партнерское соглашение. После этого ваша команда сможет работать на портале.
status-approved-sign-in = Войти на портал
check-heading-changing = Проверьте ответы перед повторной отправкой
check-changing = Вы изменяете заявку { $reference }. Кнопка «Отправить повторно» вернет ее на проверку с этими ответами.
changing-notice = Вы изменяете заявку { $reference }: ничего не отправляется, пока вы не отправите её повторно. Если вы остановитесь, в заявке останутся ответы, отправленные ранее.
changing-stop = Прекратить изменение и отменить мои изменения
resubmit = Отправить повторно
resubmit-stale = Пока вы вносили изменения, заявка изменилась: ее состояние теперь «{ $status }». Ваши ответы сохранены: проверьте их и отправьте заявку повторно.
resubmit-closed = Эту заявку больше нельзя отправить повторно: ее состояние теперь «{ $status }». Ваши ответы остаются на этой странице.

## Backend failures
api-conflict = Эти данные уже существуют или были изменены. Проверьте ответы и повторите попытку.
api-not-found = Не удалось найти запрошенные данные. Проверьте адрес и повторите попытку.
api-validation = Некоторые ответы не приняты. Исправьте их и повторите попытку.
api-bad-request = Запрос не принят. Повторите попытку.
api-server = Служба сейчас недоступна. Ваши ответы сохранены: повторите попытку через несколько минут.
api-timeout = Служба слишком долго не отвечает. Ваши ответы сохранены: повторите попытку.
api-network = Нет подключения к службе. Проверьте подключение и повторите попытку; ваши ответы сохранены.
api-malformed = Служба прислала ответ, который не удалось прочитать. Ваши ответы сохранены: повторите попытку.
api-session-ended = Ваш сеанс завершен. Войдите снова, чтобы продолжить: введенные данные сохранены.
api-work-account-signed-out = Ваш вход в рабочую учетную запись завершен. Войдите в нее снова на странице рабочей учетной записи: остальные ответы сохранены.
api-password-change-required = Прежде всего смените временный пароль.
api-forbidden = Ваши роли не позволяют это сделать. Обратитесь к глобальному администратору.
api-forbidden-roles = Ваши роли не позволяют это сделать. Нужна одна из ролей: { $roles }. Обратитесь к глобальному администратору.
api-too-large = Это больше, чем принимает служба. Сократите самые длинные ответы и повторите попытку.
api-too-many = Слишком много попыток. Подождите немного и повторите попытку.
api-too-many-wait = Слишком много попыток. Подождите { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
  } и повторите попытку.
sign-in-again-heading = Войдите снова
sign-in-again-body = Ваш сеанс завершен. Войдите снова — вы вернетесь туда, где были, со всеми введенными данными.
password-change-heading = Смена пароля
password-change-first-heading = Смените временный пароль
password-change-first-body = Вы вошли с временным паролем. Прежде чем пользоваться порталом, задайте собственный пароль.
password-change-save = Сменить пароль
password-current = Текущий пароль
password-new = Новый пароль
err-password-too-short = Введите пароль длиной не менее { $min } символов
err-password-same = Выберите пароль, отличный от текущего
err-password-common = Выберите пароль, который сложнее угадать: этот слишком распространен или повторяет слишком мало разных символов
err-password-incorrect = Неверный текущий пароль
err-tenant-not-signed-in = Войдите в эту рабочую учетную запись снова, прежде чем регистрироваться с ней
err-last-user-admin = Хотя бы у одного пользователя должна остаться роль, позволяющая управлять пользователями
err-remove-self = Нельзя удалить самого себя: попросите другого пользователя, который управляет пользователями
password-new-hint = Не менее { $min } символов. Не имя пользователя и не распространенный пароль. Хороший пароль — несколько не связанных между собой слов.
err-password-contains-user-name = Выберите пароль, который не содержит имя пользователя
err-required--password-current-password = Введите текущий пароль
err-required--password-new-password = Введите новый пароль

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
err-email-not-partner-domain = Используйте адрес в одном из доменов вашей организации: { $domains }
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
err-domain-prefix-format = Доменное имя: до 27 латинских букв и цифр, без пробелов, точек и дефисов
err-domain-prefix-taken = Имя { $domain } уже занято: выберите другое доменное имя
err-partner-type-closed = Для этого типа партнера заявки не принимаются
err-sign-in-failed = Неверное имя пользователя или пароль

err-choose-one--partner-type = Выберите, как вы будете продавать облачные службы
err-choose-one--work-account-mode = Укажите, есть ли у вас рабочая учетная запись
err-email-format--work-account-user-name = Введите имя пользователя в правильном формате, например admin@contoso.onmicrosoft.com
err-required--work-account-user-name = Введите имя пользователя глобального администратора
err-required--work-account-password = Введите пароль
err-sign-in-failed--work-account-password = Неверное имя пользователя глобального администратора или пароль
err-required--tenant-organization = Введите название организации
err-required--tenant-domain-prefix = Введите доменное имя
err-required--tenant-country = Выберите страну или регион учетной записи
err-required--tenant-admin-first-name = Введите имя администратора
err-required--tenant-admin-last-name = Введите фамилию администратора
err-required--tenant-admin-email = Введите рабочий адрес электронной почты администратора
err-required--tenant = Войдите в рабочую учетную запись или создайте ее
err-required--pmc-user-name = Введите имя пользователя партнерской сети
err-required--pmc-password = Введите пароль партнерской сети
err-sign-in-failed--pmc-password = Неверное имя пользователя партнерской сети или пароль
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
list-show-more = Показать ещё
list-loading-more = Загрузка…
sign-in-heading = Вход на портал партнеров
sign-in-user-name = Имя пользователя (рабочий адрес электронной почты)
sign-in-demo = Демонстрационный сервер: войдите как admin@contoso.onmicrosoft.com (непрямой торговый посредник Contoso) или admin@fabrikam.onmicrosoft.com (непрямой поставщик Fabrikam Distribution) или, чтобы проверять заявки, как reviewer@csp-operations.example (оператор программы) с паролем «demo» или как добавленный пользователь с его временным паролем.
sign-in-demo-reset = Демонстрационные данные сброшены: данные демонстрации в этом браузере относились к более ранней версии или не читались и заменены демонстрационными партнерами. Пользователей, добавленных ранее, больше нет.
sign-in-needed-heading = Войдите, чтобы открыть эту страницу
sign-in-needed-body = Эта страница доступна пользователям партнера после входа.
no-permission-heading = У вас нет разрешения на просмотр этой страницы
no-permission-body = Ваши роли не включают этот раздел портала. Попросите глобального администратора или администратора управления пользователями изменить ваши роли.
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
err-sign-in-failed--session-password = Неверное имя пользователя или пароль
err-required--session-user-name = Введите имя пользователя
err-required--session-password = Введите пароль
err-choose-one--user-agent-role = Выберите роль агента или «Не агент»
err-choose-one--user-admin-role = Выберите роль администратора или «Не администратор»
status-approved-check-now = Проверить мою группу агентов по администрированию
mpn-needs-work-account = Сначала войдите в рабочую учетную запись: профиль MPN проверяется по ее стране или региону.

## Partners and customers
feature-indirect-resellers = Непрямые торговые посредники
feature-add-customer = Добавить клиента
feature-authorize-indirect-provider = Авторизовать непрямого поставщика
err-id-format = Введите идентификатор в правильном формате, например 5d027261-d21f-4aa9-b7db-7fa1f56fb163
err-provider-not-found = Непрямой поставщик с таким идентификатором не найден: проверьте ссылку в письме с приглашением
err-authorize-global-admin-only = Авторизовать непрямого поставщика может только { $role ->
    [global-admin] глобальный администратор
   *[other] { $role }
} вашей организации: отправьте ему эту ссылку на приглашение
err-provider-region = { $provider } находится вне CSP-региона вашей компании: авторизовать можно только непрямого поставщика из вашего региона
err-invitation-unknown = Ссылка на приглашение неполная: попросите партнера, который ее отправил, прислать новую
err-invitation-link-missing = Верните ссылку на приглашение в текст письма: она персональная, и без нее приглашение нельзя принять
err-relationship-name-taken = Взаимоотношения с названием { $name } уже есть: выберите другое название
err-relationship-duration = Введите срок от { $min } до { $max ->
    [one] { $max } дня
   *[other] { $max } дней
}
err-relationship-role-unknown = Выберите роли администратора из списка
err-relationship-auto-extend-global-admin = Автопродление недоступно с ролью «Глобальный администратор»: уберите эту роль или выберите «Нет»
err-relationship-transition = Эти взаимоотношения больше нельзя изменить таким образом: обновите страницу, чтобы увидеть их текущее состояние
err-relationship-active-subscriptions = Нельзя удалить связь с торговым посредником для клиента { $customer }, пока у него есть активные подписки
err-company-name-too-short = Название компании должно содержать не менее 2 символов
err-company-name-punctuation = Название компании должно содержать буквы или цифры, а не только специальные символы
err-company-name-domain-ending = Названия компаний обычно не заканчиваются на { $ending }: убедитесь, что это название компании, а не адрес ее сайта
err-company-name-repeated = В названии несколько раз подряд повторяется «{ $char }»: проверьте, нет ли опечатки
err-customer-email-partner-domain = Введите собственный адрес электронной почты клиента: адреса на домене вашей компании { $domain } не принимаются
err-customer-email-vendor-domain = Введите собственный адрес электронной почты клиента: адреса на { $domain } не принимаются
err-verification-link-unknown = Эту ссылку отправляли не мы. Проверьте, что скопировали ссылку из письма целиком.
err-verification-link-expired = Срок действия ссылки истёк. Мы можем отправить новую на тот же адрес.
err-verification-link-used = По этой ссылке уже переходили: ваш адрес электронной почты подтверждён.
err-email-already-verified = Адрес электронной почты уже подтверждён: отправлять нечего.
err-review-own-company = Нельзя одобрить заявку собственной компании: попросите другого проверяющего
err-review-transition = Эту заявку больше нельзя изменить так: теперь её статус «{ $status }»
err-review-stale = Пока вы читали заявку, её изменил кто-то другой: теперь её статус «{ $status }». Проверьте её ещё раз, прежде чем решать
err-assignment-stale = Пока вы читали заявку, кто-то изменил, кому она назначена. Проверьте, у кого она сейчас, и повторите попытку
err-assignment-not-yours = Вернуть заявку может только { $assignee }, которому она назначена. Сначала заберите её
err-agreement-version = Соглашение изменилось с тех пор, как вы его открыли: прочитайте текущую версию и подпишите
err-agreement-not-signed = Эта страница откроется после того, как глобальный администратор подпишет партнёрское соглашение
err-required--authorize-consent = Установите флажок, чтобы подтвердить авторизацию этого непрямого поставщика
err-required--authorize-provider-id = В ссылке на приглашение нет идентификатора поставщика: попросите поставщика прислать новую ссылку
err-required--invite-provider-id = В ссылке на приглашение нет идентификатора поставщика: попросите поставщика прислать новую ссылку
err-required--invite-partner-id = В ссылке на приглашение нет идентификатора партнера: попросите партнера прислать новую ссылку
err-required--invitation-body = Введите текст письма со ссылкой на приглашение
err-choose-one--relationship-admin-access = Укажите, нужен ли вам доступ администратора
err-choose-one--relationship-roles = Выберите хотя бы одну роль администратора
err-required--relationship-name = Введите название взаимоотношений
err-required--customer-company-name = Введите название компании
err-required--customer-domain-prefix = Введите доменное имя
err-required--customer-admin-first-name = Введите имя администратора клиента
err-required--customer-admin-last-name = Введите фамилию администратора клиента
err-required--customer-admin-email = Введите адрес электронной почты администратора клиента
err-required--customer-phone = Введите номер телефона
err-required--customer-registration-id = Введите регистрационный номер
err-required--customer-address-country = Выберите страну или регион
err-required--customer-address-line1 = Введите первую строку адреса, обычно улицу и дом
err-required--customer-address-city = Введите город или населенный пункт
err-required--customer-address-state = Введите область, край или регион
err-required--customer-address-postal-code = Введите почтовый индекс
partners-nav-indirect-providers = Непрямые поставщики
partners-nav-indirect-resellers = Непрямые торговые посредники
loading = Загрузка…
partners-load-failed = Не удалось загрузить список. Повторите попытку.
partners-cancel = Отмена
partners-col-name = Название
partners-col-country = Страна или регион
partners-col-region = CSP-регион
partners-col-since = Партнер с
partners-col-actions = Действия
partners-region-europe = Европа
partners-region-north-america = Северная Америка
partners-region-latin-america = Латинская Америка
partners-region-asia-pacific = Азиатско-Тихоокеанский регион
partners-region-middle-east-africa = Ближний Восток и Африка
partners-authorize-heading = Авторизация { $provider } в качестве непрямого поставщика
partners-authorize-intro = { $provider } ({ $country }) приглашает вашу компанию работать с ним как с непрямым поставщиком.
partners-authorize-grants-heading = Что дает авторизация
partners-authorize-grants-orders = { $provider } сможет отправлять заказы и добавлять подписки от имени ваших клиентов.
partners-authorize-grants-admin = { $provider } получит доступ администратора к рабочей учетной записи вашей компании.
partners-authorize-consent = Я понимаю это и авторизую { $provider } в качестве нашего непрямого поставщика
partners-authorize-button = Авторизовать непрямого поставщика
partners-authorize-done-heading = { $provider } теперь ваш непрямой поставщик
partners-authorize-already = { $provider } уже ваш непрямой поставщик: ничего не изменилось.
partners-authorize-not-permitted-heading = Авторизовать непрямого поставщика может только глобальный администратор
partners-authorize-not-permitted-body = { $provider } приглашает вашу организацию авторизовать его как непрямого поставщика. Отправьте эту ссылку на приглашение глобальному администратору вашей организации: он сможет авторизовать поставщика после входа.
partners-authorize-region-heading = Этот непрямой поставщик не относится к вашему CSP-региону
partners-authorize-region-body = CSP-регион { $provider }: { $provider_region }. CSP-регион вашей компании: { $reseller_region }. Выберите непрямого поставщика из вашего региона.
partners-authorize-invalid-heading = Ссылка на приглашение недействительна
partners-authorize-invalid-body = Идентификатор поставщика в ссылке неполный или содержит опечатку. Откройте ссылку из письма с приглашением еще раз или попросите поставщика прислать новую.
partners-authorize-unknown-heading = Непрямой поставщик с таким идентификатором не найден
partners-authorize-unknown-body = Попросите поставщика отправить приглашение еще раз.
partners-providers-heading = Непрямые поставщики
partners-providers-intro = Непрямые поставщики, с которыми вы работаете. Каждый из них может отправлять заказы для клиентов, которых вы с ним разделяете.
partners-providers-empty = Вы еще не авторизовали ни одного непрямого поставщика. Когда поставщик пришлет приглашение, откройте ссылку из него, чтобы авторизовать его.
partners-providers-remove-support = Чтобы прекратить партнерство с непрямым поставщиком, обратитесь в службу поддержки.
partners-view-customers = Просмотреть клиентов
partners-invite-customers = Пригласить новых клиентов
partners-resellers-heading = Непрямые торговые посредники
partners-resellers-intro = Непрямые торговые посредники, которые авторизовали вас в качестве своего непрямого поставщика.
partners-resellers-empty = Вас еще не авторизовал ни один непрямой торговый посредник. Выберите «Отправить запрос на партнерство», чтобы пригласить посредника.
partners-resellers-count = { $count ->
    [one] { $count } непрямой торговый посредник
    [few] { $count } непрямых торговых посредника
    [many] { $count } непрямых торговых посредников
   *[other] { $count } непрямого торгового посредника
}
partners-request-partnership = Отправить запрос на партнерство
partners-add-customer-for = Добавить нового клиента
partners-remove-partnership = Удалить партнерство
partners-remove-heading = Удалить партнерство с { $reseller }?
partners-remove-legal = После удаления партнерства вы больше не сможете отправлять заказы и добавлять подписки для клиентов { $reseller }, а ваш доступ администратора к его рабочей учетной записи будет отозван. Уже приобретенные подписки сохраняются на условиях ваших соглашений с производителем и с торговым посредником; вы остаетесь ответственными за выставление счетов и поддержку по ним до их передачи или окончания.
partners-remove-confirm = Да, удалить партнерство
partners-removed = Партнерство с { $reseller } удалено.
partners-invitation-heading = Письмо с приглашением
partners-invitation-intro = Проверьте черновик. Текст можно изменить, но ссылку нужно сохранить: она персональная и связывает получателя с вашей учетной записью.
partners-invitation-subject = Тема
partners-invitation-body = Сообщение
partners-invitation-link = Персональная ссылка
partners-invitation-link-must-stay = Сохраните эту ссылку в письме: без нее приглашение нельзя принять.
partners-invitation-link-stays = Эта ссылка всегда доступна на этой странице.
partners-open-in-email = Открыть в сообщении электронной почты
partners-copy = Копировать в буфер обмена
partners-send-blocked = Кнопки «Открыть в сообщении электронной почты» и «Копировать в буфер обмена» недоступны, пока в сообщение не вернется персональная ссылка.
partners-copied = Скопировано в буфер обмена.
partners-copy-failed = Не удалось скопировать сообщение: выделите текст и скопируйте его вручную.
partners-done = Готово
partners-email-greeting = Здравствуйте!
partners-email-closing = С уважением,
partners-reseller-email-subject = { $partner } приглашает вас к партнерству в программе Cloud Solution Provider
partners-reseller-email-body = { $partner } предлагает стать вашим непрямым поставщиком в программе Cloud Solution Provider. Мы будем отправлять заказы и добавлять подписки для ваших клиентов, а также поможем с выставлением счетов и поддержкой.
partners-reseller-email-action = Чтобы принять приглашение, глобальный администратор вашей организации открывает эту ссылку, выполняет вход и выбирает «Авторизовать непрямого поставщика»:
customers-heading = Клиенты
customers-intro = Ваши клиенты, в том числе те, с которыми вы уже работаете на других порталах администрирования.
customers-loading = Загрузка клиентов…
customers-load-failed = Не удалось загрузить список клиентов. Повторите попытку.
customers-search = Поиск по названию компании, домену или идентификатору клиента
customers-search-button = Найти
customers-filter-reseller = Торговый посредник
customers-filter-all-resellers = Все торговые посредники
customers-shared-with = Клиенты, общие с { $provider }
customers-col-id = Идентификатор клиента
customers-col-company-name = Название компании
customers-col-primary-domain = Основной домен
customers-col-relationship = Взаимоотношения
customers-col-partner = Поставщик или торговый посредник
customers-col-tags = Теги
customers-relationship-reseller = Торговый посредник
customers-relationship-indirect-reseller = Непрямой торговый посредник
customers-relationship-delegated-admin = Только делегированное администрирование
customers-count = { $count ->
    [one] { $count } клиент
    [few] { $count } клиента
    [many] { $count } клиентов
   *[other] { $count } клиента
}
customers-page = Страница { $page } из { $pages }
customers-previous = Назад
customers-next = Далее
customers-empty = У вас пока нет клиентов. Выберите «Запросить установление взаимоотношений с торговым посредником», чтобы пригласить клиента.
customers-no-match = По запросу «{ $query }» клиенты не найдены.
customers-shared-empty = У вас пока нет клиентов, общих с { $provider }. Выберите «Пригласить новых клиентов» на странице «Непрямые поставщики», чтобы пригласить клиента.
customers-reseller-empty = У { $reseller } пока нет клиентов.
customers-export = Экспорт
customers-export-hint = Скачивает показанных клиентов в виде файла CSV.
customers-request-relationship = Запросить установление взаимоотношений с торговым посредником
customers-add = Добавить клиента
customers-remove-relationship = Удалить связь с торговым посредником
customers-remove-heading = Удалить связь с торговым посредником для клиента { $customer }?
customers-remove-body = Вы больше не сможете управлять подписками и службами этого клиента и отправлять заказы от его имени.
customers-remove-confirm = Да, удалить связь с торговым посредником
customers-removed = Связь с торговым посредником для клиента { $customer } удалена.
customers-invite-email-subject = { $partner } приглашает вас установить взаимоотношения с торговым посредником
customers-invite-email-body = { $partner } предлагает стать вашим партнером по программе Cloud Solution Provider, чтобы приобретать подписки для вашей организации и управлять ими.
customers-invite-two-tier-email-body = { $partner } и его непрямой поставщик { $provider } предлагают стать вашими партнерами по программе Cloud Solution Provider: { $partner } продает и поддерживает ваши подписки, а { $provider } отвечает за заказы и выставление счетов.
customers-invite-email-admin = Запрос включает доступ администратора к вашей организации только в пределах перечисленных в нем ролей, на { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}.
customers-invite-email-action = Чтобы принять приглашение, глобальный администратор вашей организации открывает эту ссылку и выполняет вход:
relationship-heading = Запросить установление взаимоотношений с торговым посредником
relationship-admin-legend = Нужен ли вам доступ администратора к организации клиента?
relationship-admin-yes = Да, с детализированными делегированными правами администратора (GDAP)
relationship-admin-yes-hint = Выберите только необходимые роли: глобальный администратор клиента увидит их, прежде чем принять запрос.
relationship-admin-no = Нет, взаимоотношения торгового посредника без доступа администратора
relationship-name = Название взаимоотношений
relationship-name-hint = Уникальное среди ваших взаимоотношений, не более 50 символов.
relationship-duration = Срок в днях
relationship-duration-hint = От 1 до 730 дней (2 года).
relationship-roles = Роли администратора
relationship-roles-hint = Минимальные привилегии: выберите только то, что нужно вашей команде.
relationship-auto-extend = Автопродление
relationship-auto-extend-hint = Если выбрать «Да», взаимоотношения продлеваются на 180 дней каждый раз по окончании срока, пока их не прекратят. Недоступно с ролью «Глобальный администратор».
relationship-auto-extend-yes = Да
relationship-auto-extend-no = Нет
relationship-requests-heading = Запросы взаимоотношений
relationship-requests-empty = Вы еще не отправили ни одного запроса взаимоотношений.
relationship-col-name = Название
relationship-col-status = Состояние
relationship-col-duration = Срок
relationship-col-roles = Роли администратора
relationship-col-created = Создан
relationship-col-expires = Окончание
relationship-status-pending = Ожидает
relationship-status-active = Активно
relationship-status-expiring = Скоро истекает
relationship-status-expired = Истекло
relationship-status-terminated = Прекращено
relationship-duration-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
relationship-pending-until = Клиент может принять запрос до { $date }; после этого срок действия запроса истечет.
relationship-link = Ссылка для отправки клиенту
relationship-copy-link = Копировать ссылку
relationship-link-copied = Ссылка скопирована
relationship-link-copy-refused = Браузер не разрешил копирование: выделите ссылку и скопируйте ее.
relationship-no-admin-access = Без доступа администратора
relationship-terminate = Прекратить взаимоотношения
relationship-terminated = Взаимоотношения «{ $name }» прекращены.
relationship-terminate-heading = Прекратить взаимоотношения «{ $name }»?
relationship-terminate-body = Ваш доступ администратора к организации клиента сразу прекратится. Чтобы снова работать с клиентом, потребуется новый запрос.
relationship-terminate-confirm = Да, прекратить
relationship-role-directory-readers = Читатели каталогов
relationship-role-service-support-administrator = Администратор поддержки служб
relationship-role-helpdesk-administrator = Администратор службы поддержки
relationship-role-license-administrator = Администратор лицензий
relationship-role-user-administrator = Администратор пользователей
relationship-role-exchange-administrator = Администратор Exchange
relationship-role-sharepoint-administrator = Администратор SharePoint
relationship-role-teams-administrator = Администратор Teams
relationship-role-security-reader = Читатель сведений о безопасности
relationship-role-global-administrator = Глобальный администратор
add-customer-heading = Добавить клиента
add-customer-for-reseller = Для торгового посредника { $reseller }
add-customer-reseller = Торговый посредник
add-customer-company-section = Компания
add-customer-company-name = Название компании
add-customer-domain-prefix = Доменное имя
add-customer-domain-prefix-hint = Только латинские буквы и цифры, не более 27. Учетная запись клиента: { $domain }. Изменить позже нельзя.
add-customer-domain-checking = Проверяем, свободно ли это имя…
add-customer-domain-available = Имя { $domain } свободно.
add-customer-admin-section = Администратор клиента
add-customer-admin-email = Адрес электронной почты
add-customer-admin-email-hint = Собственный адрес клиента, а не адрес на домене вашей компании.
add-customer-address-section = Адрес
add-customer-submit = Добавить клиента
add-customer-adding = Добавляем клиента…
add-customer-done-heading = Клиент добавлен
add-customer-once = Скопируйте данные для входа сейчас: они больше не будут показаны.
add-customer-sign-in-name = Имя для входа администратора
add-customer-password = Временный пароль
add-customer-change-password = Администратор клиента должен сменить этот пароль при первом входе.
add-customer-copy = Скопировать данные для входа
add-customer-copied = Скопировано в буфер обмена.
add-customer-done = Готово
add-customer-check-heading = Проверьте данные клиента перед добавлением
add-customer-gone-body = В целях безопасности временный пароль администратора клиента показывается только один раз. Если вы не скопировали его, сбросьте пароль администратора в центре администрирования клиента.
partners-copy-fallback = Браузер не разрешил копирование. Текст ниже выделен: нажмите Ctrl+C (⌘+C на Mac), чтобы скопировать его.

## Emails (to the primary contact; text and HTML are made from the same messages)
mail-greeting = Здравствуйте!
mail-confirm-subject = { $product }: подтвердите адрес электронной почты ({ $reference })
mail-confirm-body = Ваша организация подала заявку на участие в программе { $product } и указала этот адрес как основной контактный. Номер заявки: { $reference }. Подтвердите, что заявку подали вы и что адрес принадлежит вашей организации: проверка начнётся после подтверждения.
mail-confirm-action = Подтвердить адрес электронной почты
mail-confirm-expiry = Ссылка срабатывает один раз и действует до { $expires }. Если срок истёк, всё равно откройте её, чтобы получить новую.
mail-confirm-not-you = Если вы не подавали заявку в { $product }, не обращайте внимания на это письмо: без перехода по ссылке ничего не произойдёт.
mail-status-subject = { $product }: статус заявки { $reference } — «{ $status }»
mail-status-body = Статус вашей заявки { $reference } изменился: { $status }.
mail-status-awaiting-email-verification = Мы ждём, когда вы подтвердите адрес электронной почты по ссылке из нашего письма.
mail-status-in-review = Мы проверяем вашу заявку. Обычно это занимает от 3 до 5 рабочих дней.
mail-status-approved = Ваша заявка одобрена.
mail-status-needs-changes = Чтобы продолжить проверку, нам нужны дополнительные сведения.
mail-status-rejected = Ваша заявка не одобрена.
mail-status-action = Открыть заявку
mail-signature = { $vendor }
mail-review-steps = Что изменить: { $steps }
mail-review-reason = Причина: { $reason }
mail-review-message = Комментарий проверяющего: { $message }

## Review (the operator's decisions, as the applicant reads them)
step-name-partner-type = Тип партнёра
step-name-work-account = Рабочая учётная запись
step-name-mpn = MPN ID
step-name-legal = Юридический профиль компании
step-name-contact = Основной контакт
step-name-support = Данные службы поддержки
step-name-bank = Банковские реквизиты
reject-reason-domain-not-owned = Домен адреса электронной почты не принадлежит компании
reject-reason-legal-entity-unconfirmed = Не удалось подтвердить юридическое лицо
reject-reason-not-eligible = Компания не соответствует требованиям программы
reject-reason-duplicate = У компании уже есть учётная запись или другая заявка
reject-reason-other = Другая причина

## Review: the operator's pages
review-queue-heading = Заявки на проверку
review-queue-intro = Сначала самые старые. Откройте заявку, чтобы прочитать ответы и результаты проверок и принять решение.
review-filter-label = Фильтр заявок
review-filter-any = Все
review-filter-apply = Показать заявки
review-col-reference = Номер
review-col-company = Компания
review-col-country = Страна или регион
review-col-type = Тип партнера
review-col-status = Статус
review-col-submitted = Отправлена
review-col-age = Ожидает
review-age = { $days ->
    [one] { $days } рабочий день
    [few] { $days } рабочих дня
   *[other] { $days } рабочих дней
}
review-queue-empty = Нет заявок, подходящих под эти фильтры.
review-application-heading = Заявка { $reference }
review-application-heading-loading = Заявка
review-back-to-queue = Назад к заявкам
review-primary-contact = Основное контактное лицо
review-checks-heading = Что проверил портал
review-outcome-ok = пройдено
review-outcome-warning = проверьте сами
review-outcome-failed = не пройдено
review-check-email-verified = Адрес электронной почты основного контакта подтвержден
review-check-email-verified-detail = Прежде чем принять решение, нужно, чтобы по ссылке, отправленной на { $email }, перешли.
review-check-email-domain = Домен адреса принадлежит компании
review-check-email-domain-detail = Домен контакта { $domain } сравнивается с веб-сайтом ({ $website }) и рабочей учетной записью ({ $tenant }). У компаний часто несколько доменов: это никогда не мешает принять решение.
review-check-profile = Профиль в партнерской сети
review-check-profile-detail = MPN ID { $mpn }: тип { $kind }, статус { $status }, страна { $country } (рабочая учетная запись: { $tenant_country }).
review-answers-heading = Ответы
review-history-heading = История
review-history-when = Когда
review-history-who = Кто
review-history-event = Что
review-history-change = Статус
review-history-note = Причина или сообщение
review-history-applicant = Заявитель
review-history-steps = Что изменить: { $steps }
review-event-submitted = Отправлена
review-event-email-verified = Адрес электронной почты подтвержден
review-event-resubmit = Отправлена повторно после изменений
review-event-approve = Одобрена
review-event-request-changes = Запрошены изменения
review-event-reject = Отклонена
review-decision-heading = Ваше решение
review-no-decision = Сейчас решение принять нельзя: статус заявки — «{ $status }».
review-action-legend = Какое решение вы принимаете?
review-action-approve = Одобрить
review-action-approve-hint = Создает учетную запись партнера; глобальный администратор рабочей учетной записи, с которой подана заявка, становится ее первым глобальным администратором.
review-action-request-changes = Запросить изменения
review-action-request-changes-hint = Заявитель изменяет выбранные вами шаги и отправляет заявку повторно.
review-action-reject = Отклонить
review-action-reject-hint = Окончательно: заявку нельзя будет отправить повторно.
review-steps-legend = Какие шаги должен изменить заявитель?
review-steps-hint = Выберите все подходящие.
review-reason-legend = Почему заявка отклонена?
review-message = Сообщение заявителю
review-message-hint = Заявитель прочитает его на странице статуса и в письме, поэтому напишите, что не так и что нужно сделать.
review-decide = Отправить решение
review-decided = Решение записано: статус заявки теперь «{ $status }».
review-filter-mine = Назначенные мне
review-col-assignee = Назначена
review-nobody = Никому
review-assignee-you = Вам ({ $email })
review-take = Взять эту заявку
review-take-over = Забрать у { $assignee }
review-release = Вернуть
review-taken = Заявка назначена вам: в списке она видна с фильтром «Назначенные мне».
review-released = Вы вернули заявку: её может взять любой проверяющий.
review-event-take = Взята
review-event-release = Возвращена
review-history-taken-from = Забрана у { $assignee }
err-choose-one--decision-action = Выберите: одобрить, запросить изменения или отклонить
err-required--decision-steps = Выберите хотя бы один шаг, который должен изменить заявитель
err-required--decision-reason = Выберите причину отклонения
err-required--decision-message = Напишите сообщение заявителю

## Partner agreement
agreement-heading = Партнерское соглашение
agreement-gate-heading = Сначала подпишите партнерское соглашение
agreement-not-signed-body = Ваша компания еще не подписала партнерское соглашение. Непрямые поставщики, непрямые реселлеры, клиенты и запросы на отношения откроются, как только его подпишет глобальный администратор.
agreement-sign-link = Подписать партнерское соглашение
agreement-signed-link = Подписано: кто подписал и какую версию
agreement-version = Версия { $version }
agreement-full-text = Прочитать соглашение полностью
opens-new-tab = откроется в новой вкладке
agreement-intro = Подписывая, вы принимаете соглашение от имени своей компании.
agreement-name = Ваше полное имя
agreement-job-title = Ваша должность
agreement-accept = Я прочитал(а) версию { $version } партнерского соглашения и принимаю ее от имени своей компании
agreement-sign = Подписать соглашение
agreement-signed-by = Подписано: { $name } ({ $job_title }, { $user }), { $date }, версия { $version }.
agreement-signed-open = Партнерские страницы вашей компании открыты.
agreement-admin-only = Подписать партнерское соглашение может только глобальный администратор вашей компании. Попросите одного из них войти и подписать его.
err-required--agreement-name = Введите ваше полное имя
err-required--agreement-job-title = Введите вашу должность
err-required--agreement-accept = Отметьте флажок, чтобы принять соглашение
## Email verification: the status page, the page a link opens, the demo's outbox
nav-outbox = Исходящие демо-версии
status-email-label = Адрес электронной почты
status-email-verified = { $email }: подтверждён { $time }
status-email-not-verified = { $email }: ещё не подтверждён
status-email-sent-label = Последнее письмо отправлено
status-resend = Отправить письмо ещё раз
status-resend-when = Запросить новое письмо можно с { $time }.
status-resend-sent = Мы отправили новое письмо на { $email } ({ $time }).
status-resend-too-many = Вы уже запросили несколько писем. Запросить ещё одно можно с { $time }.
verify-checking = Проверяем ссылку
verify-done-heading = Адрес электронной почты подтверждён
verify-done-in-review = Заявка { $reference } передана на проверку.
verify-done-status = Заявка { $reference }: { $status }.
verify-done-email = Спасибо: адрес { $email } подтверждён как адрес основного контактного лица вашей организации.
verify-status-link = Статус заявки { $reference }
verify-used-heading = По этой ссылке уже переходили
verify-used-body = Ваш адрес электронной почты подтверждён: больше ничего делать по этой ссылке не нужно. Следить за заявкой можно на странице её статуса.
verify-expired-heading = Срок действия ссылки истёк
verify-expired-body = Ссылка для подтверждения действует { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}. Мы можем отправить новую ссылку на тот же адрес.
verify-resend = Отправить новую ссылку
verify-resend-sent = Мы отправили новую ссылку на { $email }. Она действует { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}.
verify-resend-too-many = Мы уже отправили несколько ссылок. Запросить ещё одну можно с { $time }.
verify-already-verified = Ваш адрес электронной почты уже подтверждён: больше ничего делать не нужно.
verify-unknown-heading = Мы не узнаём эту ссылку
verify-unknown-body = Проверьте, что открыли ссылку из письма целиком: некоторые почтовые программы разбивают длинные ссылки на две строки. Скопируйте её в адресную строку браузера полностью.
verify-unknown-status = Если вы уже подтвердили адрес, следите за заявкой на странице её статуса: её адрес был показан после нажатия «Зарегистрироваться».
outbox-demo-tag = Демо
outbox-heading = Исходящие письма демо-версии
outbox-intro = У демо-версии в браузере нет почтового сервера: здесь письма, которые она отправила бы, — сначала новые, в том виде, в каком их прочтут получатели. Портал с настоящим сервером отправляет их по почте.
outbox-real-backend = Этот портал отправляет настоящие письма: исходящие есть только у демо-версии в браузере.
outbox-empty = Писем пока нет. Подайте заявку — здесь появится письмо для подтверждения адреса основного контактного лица.
outbox-count = { $count ->
    [one] { $count } письмо.
    [few] { $count } письма.
   *[many] { $count } писем.
}
outbox-to = Кому
outbox-sent = Отправлено

## Invitation emails for added users
user-language = Язык письма с приглашением
user-language-hint = Новый пользователь получит письмо на этом языке с именем для входа и ссылкой, по которой он выберет пароль.
err-choose-one--user-language = Выберите язык письма с приглашением
user-added-invitation = Мы отправляем на адрес { $email } письмо с приглашением: в нём имя для входа и ссылка, по которой пользователь выберет свой пароль. Ссылка срабатывает один раз и действует 3 дня. Если пользователю так удобнее, передайте ему данные ниже.
invitation-resend-heading = Письмо с приглашением
invitation-resend-body = Если { $name } не получил(а) приглашение или срок действия ссылки истёк, отправьте его ещё раз. Ссылки из прежних писем с приглашением перестанут работать.
invitation-resend = Отправить приглашение ещё раз
invitation-resent = Мы снова отправили приглашение на адрес { $email }. Ссылка действует до { $time }.
err-invitation-link-unknown = Мы не отправляли такую ссылку. Проверьте, что открыли ссылку из письма целиком.
err-invitation-link-expired = Срок действия ссылки-приглашения истёк, или её заменила более новая. Попросите администратора отправить приглашение ещё раз.
err-invitation-link-used = По этой ссылке-приглашению уже переходили: пароль задан.
err-invitation-accepted = Этот пользователь уже выбрал пароль: отправлять приглашение не нужно.
invitation-checking = Проверяем ссылку-приглашение
invitation-heading = Выберите пароль
invitation-intro = { $name }, вас добавили в организацию { $partner }. Ваше имя для входа: { $sign_in_name }.
invitation-choose = Выберите пароль, с которым будете входить. Как только он будет задан, вы войдёте в систему.
invitation-expires = Ссылка действует до { $time }.
invitation-submit = Задать пароль и войти
invitation-used-heading = Это приглашение уже использовано
invitation-used-body = Ваш пароль задан. Войдите с именем для входа и выбранным паролем.
invitation-expired-heading = Срок действия ссылки-приглашения истёк
invitation-expired-body = Ссылка-приглашение действует 3 дня, и работает только ссылка из последнего письма. Попросите администратора отправить приглашение ещё раз: это можно сделать на вашей странице в разделе «Пользователи».
invitation-unknown-heading = Мы не узнаём эту ссылку-приглашение
invitation-unknown-body = Проверьте, что открыли ссылку из письма целиком: некоторые почтовые программы разбивают длинные ссылки на две строки. Скопируйте её в адресную строку браузера полностью. Если она всё равно не работает, попросите администратора отправить приглашение ещё раз.
mail-invitation-subject = { $product }: вас добавили в организацию { $partner }
mail-invitation-body = { $name }, администратор организации { $partner } добавил вас как пользователя { $product }.
mail-invitation-sign-in-name = Ваше имя для входа: { $sign_in_name }
mail-invitation-first-time = Чтобы войти в первый раз, откройте ссылку ниже и выберите пароль: после этого вы сразу войдёте в систему. В дальнейшем входите с именем для входа и этим паролем.
mail-invitation-action = Выбрать пароль
mail-invitation-expiry = Ссылка срабатывает один раз и действует до { $expires }. Если срок истёк, попросите администратора отправить приглашение ещё раз.
mail-invitation-not-you = Если вы не работаете с { $partner }, не обращайте внимания на это письмо: без перехода по ссылке ничего не произойдёт.
# Business profile, the directory of indirect providers and partnership requests.
err-choose-at-least-one = Выберите хотя бы один вариант
err-profile-no-language = Введите описание хотя бы на одном языке: именно его читают торговые посредники
err-partnership-requested = Вы уже отправили { $provider } запрос на партнерство: поставщик пришлет вам приглашение
err-provider-already-authorized = { $provider } уже является вашим непрямым поставщиком
err-choose-at-least-one--profile-industries = Выберите хотя бы одну отрасль
err-choose-at-least-one--profile-services = Выберите хотя бы один продукт или услугу
err-choose-at-least-one--profile-countries = Укажите хотя бы одну страну, которую вы обслуживаете
err-country-unknown--profile-countries = { $country } — не код страны: используйте две буквы, например FR или DE, через запятую
err-required--profile-email = Введите адрес электронной почты, по которому с вами могут связаться торговые посредники
feature-business-profile = Бизнес-профиль
mail-partnership-request-subject = { $product }: { $reseller } предлагает сотрудничество
mail-partnership-request-body = { $reseller } ({ $country }), непрямой торговый посредник, нашел вас в списке непрямых поставщиков и отправил запрос на партнерство. Контакт у посредника: { $email }.
mail-partnership-request-next = Чтобы принять запрос, откройте страницу «Непрямые торговые посредники» в { $product } и выберите «Отправить приглашение»: посредник получит ваше приглашение в { $product } и авторизует вас там.
mail-partnership-request-action = Открыть «Непрямые торговые посредники»
mail-partnership-invitation-subject = { $product }: { $provider } приглашает вас авторизовать его как непрямого поставщика
mail-partnership-invitation-body = { $provider } ответил на ваш запрос на партнерство приглашением. Глобальный администратор вашей компании может авторизовать поставщика по ссылке ниже или на странице «Непрямые поставщики» в { $product }.
mail-partnership-invitation-action = Авторизовать непрямого поставщика
profile-heading = Бизнес-профиль
profile-intro = То, что вы публикуете здесь, видят о вашей компании другие партнеры. Для непрямого поставщика это его запись в списке, в котором ищут непрямые торговые посредники.
profile-not-published = Вы еще не опубликовали бизнес-профиль.
profile-descriptions = Описание компании
profile-descriptions-hint = Напишите описание на каждом языке, на котором хотите его опубликовать; остальные оставьте пустыми. Хотя бы один язык.
profile-description-en = На английском
profile-description-ru = На русском
profile-description-zh-CN = На китайском (упрощенное письмо)
profile-description-fr = На французском
profile-industries = Отрасли
profile-services = Продукты и услуги
profile-countries = Обслуживаемые страны
profile-countries-hint = Двухбуквенные коды стран через запятую, например: RU, KZ, BY
profile-website = Веб-сайт (необязательно)
profile-email = Контактный адрес электронной почты
profile-phone = Контактный телефон (необязательно)
profile-phone-hint = С кодом страны, например +7 495 123-45-67
profile-publish = Опубликовать
profile-published = Ваш бизнес-профиль опубликован.
profile-industry-education = Образование
profile-industry-financial-services = Финансовые услуги
profile-industry-government = Государственный сектор
profile-industry-healthcare = Здравоохранение
profile-industry-manufacturing = Производство
profile-industry-media = СМИ и связь
profile-industry-nonprofit = Некоммерческие организации
profile-industry-professional-services = Профессиональные услуги
profile-industry-retail = Розничная торговля
profile-industry-transportation = Транспорт и логистика
profile-service-productivity = Продуктивность и совместная работа
profile-service-cloud-infrastructure = Облачная инфраструктура
profile-service-business-applications = Бизнес-приложения
profile-service-security = Безопасность
profile-service-licensing = Лицензирование
profile-service-migration = Миграция
profile-service-managed-services = Управляемые услуги
profile-service-training = Обучение
profile-service-support = Техническая поддержка
directory-heading = Поиск непрямого поставщика
directory-intro = Непрямые поставщики вашего региона CSP, опубликовавшие бизнес-профиль. Отправьте запрос на партнерство тому, с кем хотите работать: он ответит приглашением, которое появится на вашей странице «Непрямые поставщики».
directory-find = Найти непрямого поставщика
directory-filter-heading = Поиск
directory-country = Обслуживаемая страна
directory-country-any = Любая страна
directory-search = Название поставщика
directory-search-button = Найти
directory-empty = Ни один непрямой поставщик вашего региона не соответствует этому запросу.
directory-results = Найденные непрямые поставщики
directory-serves = Обслуживаемые страны
directory-contact = Контакты
directory-website = Веб-сайт
directory-send-request = Отправить запрос на партнерство
directory-status-requested = Запрос на партнерство отправлен: { $provider } пришлет вам приглашение.
directory-status-invited = { $provider } отправил вам приглашение.
directory-status-authorized = { $provider } — ваш непрямой поставщик.
directory-request-sent = Ваш запрос на партнерство отправлен { $provider }.
requests-invitations-heading = Приглашения от непрямых поставщиков
requests-sent-heading = Ваши запросы на партнерство
requests-waiting = Ожидается приглашение
requests-authorize = Авторизовать
requests-from-resellers-heading = Запросы от торговых посредников
requests-col-requested-by = Кем отправлен
requests-col-date = Дата
requests-send-invitation = Отправить приглашение
requests-invitation-sent = Приглашение отправлено
requests-invited = Ваше приглашение отправлено { $reseller }.
requests-failed = Не удалось выполнить действие. Повторите попытку.
# Глобальный администратор клиента отвечает на ссылку о взаимоотношениях с торговым посредником.
accept-heading = { $partner } приглашает вашу организацию установить взаимоотношения с торговым посредником
accept-intro = Прочитайте, что дает принятие приглашения, войдите с рабочей учетной записью вашей организации, затем примите или отклоните его. Ответить может только глобальный администратор вашей организации.
accept-grants-heading = Что дает принятие
accept-grants-reseller = { $partner } становится партнером вашей организации по программе Cloud Solution Provider: он может приобретать подписки для вашей организации и управлять ими.
accept-grants-provider = { $provider }, непрямой поставщик { $partner }, обслуживает вашу организацию вместе с { $partner } и выставляет счета за подписки.
accept-grants-admin = Доступ администратора к вашей организации на { $days } дн., только в пределах этих ролей:
accept-grants-auto-extend = По истечении { $days } дн. доступ каждый раз продлевается на 180 дней, если его не прекратить.
accept-grants-no-admin = Без доступа администратора к вашей организации.
accept-request-name = Запрос: { $name }
accept-sign-in-heading = Войдите с рабочей учетной записью вашей организации
accept-user-name = Рабочая учетная запись
accept-user-name-hint = Например, admin@vashakompaniya.onmicrosoft.com
accept-password = Пароль
accept-sign-in = Войти
accept-signed-in = Выполнен вход в { $organization } ({ $domain })
accept-use-another = Использовать другую учетную запись
accept-button = Принять
accept-decline-button = Отклонить
accept-done-heading = Вы приняли { $partner } в качестве торгового посредника
accept-done-body = Ваша организация теперь есть на странице «Клиенты» у { $partner }; { $partner } получил уведомление по электронной почте.
accept-done-provider = { $provider } тоже видит вашу организацию в списке клиентов.
accept-declined-done-heading = Вы отклонили запрос { $partner }
accept-declined-done-body = Для вашей организации ничего не изменилось; { $partner } получил уведомление по электронной почте.
accept-used-heading = Это приглашение уже принято
accept-used-body = Взаимоотношения с торговым посредником { $partner } установлены; ссылку нельзя использовать повторно.
accept-expired-heading = Срок действия приглашения истек
accept-expired-body = Запрос, на который не ответили в течение 90 дней, истекает. Попросите { $partner } прислать новый.
accept-declined-heading = Это приглашение отклонено
accept-declined-body = Ваша организация отклонила этот запрос { $partner }. Если вы передумали, попросите { $partner } прислать новый.
accept-invalid-heading = Ссылка на приглашение недействительна
accept-invalid-body = Портал не отправлял эту ссылку, или часть ее отсутствует или изменена. Откройте ссылку из письма с приглашением еще раз или попросите партнера прислать новую.
err-accept-global-admin-only = Ответить на это приглашение может только глобальный администратор вашей организации. Войдите с рабочей учетной записью глобального администратора или перешлите ему ссылку.
err-accept-partner-tenant = Эта рабочая учетная запись принадлежит организации партнера, которая не может быть собственным клиентом. Войдите с рабочей учетной записью вашей организации.
err-accept-other-partner = У вашей организации на этом портале уже есть другой партнер в этой роли, поэтому принять этого здесь нельзя.
err-invitation-closed = На это приглашение больше нельзя ответить: обновите страницу, чтобы узнать причину
relationship-status-declined = Отклонено
customers-relationship-since = { $status } с { $since } по { $until }
mail-relationship-accepted-subject = { $customer } принимает взаимоотношения с торговым посредником
mail-relationship-accepted-body = Глобальный администратор { $customer } принял ваше приглашение в { $product }. Клиент { $customer } теперь есть на вашей странице «Клиенты», взаимоотношения действуют с сегодняшнего дня.
mail-relationship-accepted-action = Открыть страницу «Клиенты»
mail-relationship-declined-subject = { $customer } отклоняет запрос взаимоотношений с торговым посредником
mail-relationship-declined-body = Глобальный администратор { $customer } отклонил ваше приглашение в { $product }. Запрос отмечен как отклоненный.
mail-relationship-declined-action = Открыть запросы взаимоотношений
mail-relationship-request = Запрос: { $name }
mail-relationship-with-partner = Двухуровневое приглашение, вместе с { $partner }.
