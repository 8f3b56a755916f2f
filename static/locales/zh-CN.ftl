# csp-portal — 简体中文。

## Shell
app-title = CSP 合作伙伴门户
skip-to-content = 跳到主要内容
nav-label = 主菜单
nav-enroll = 注册
language-label = 语言
back = 返回
continue = 继续
change = 更改
optional = （可选）
busy = 正在处理…
busy-submitting = 正在提交申请…
error-prefix = 错误：
title-error-prefix = 错误：
error-summary-title = 出现问题
storage-failed = 此浏览器未保存你的答案。如果重新加载或关闭页面，答案将丢失。
step-progress = 第 { $current } 步，共 { $total } 步
choose-country = 选择国家或地区
country = 国家或地区
password = 密码
first-name = 名
last-name = 姓
phone = 电话号码
phone-hint = 包括国家/地区代码，例如 +{ $calling_code }
postal-code-hint = 例如 { $example }

## Home and not found
home-heading = 注册云解决方案提供商计划
home-intro = 申请成为 CSP 合作伙伴，转售供应商的云服务。大约需要 20 分钟；填写过程中答案会保存在此浏览器中。
home-start = 立即开始
home-resume = 你有一份未完成的申请。
home-resume-action = 继续申请
not-found-heading = 找不到页面
not-found-body = 如果你手动输入了网址，请检查是否正确。
not-found-home = 转到起始页

## Welcome
welcome-heading = 开始之前
welcome-intro = 注册云解决方案提供商 (CSP) 计划时，需要提供以下信息。
welcome-needs-heading = 你需要准备
welcome-need-mpn = 合作伙伴网络中的 MPN ID (PartnerID)
welcome-need-admin = 组织工作帐户的全局管理员用户名和密码（也可以在注册期间创建工作帐户）
welcome-need-pmc = 合作伙伴网络网站的用户名和密码，用于查找 MPN ID
welcome-need-legal = 组织的法定企业名称和完整营业地址
welcome-need-contact = 使用工作电子邮件地址的主要联系人
welcome-need-support = 客户支持信息：电子邮件、电话和网站
welcome-need-bank = 银行信息
welcome-need-admin-email = 将担任门户管理员的员工的工作电子邮件地址
welcome-no-mpn = 还没有 MPN ID？
welcome-join = 加入合作伙伴网络
welcome-review-time = 审核和验证需要几天时间（通常为 3 到 5 个工作日）。审核完成后，我们会向主要联系人发送电子邮件。

## Partner type
partner-type-heading = 你将如何销售云服务？
partner-type-legend = 合作伙伴类型
partner-type-indirect-reseller = 间接经销商
partner-type-indirect-reseller-hint = 通过间接提供商（分销商）向客户销售，由其向供应商采购并负责计费和支持。
partner-type-direct-partner = 直接合作伙伴
partner-type-direct-partner-hint = 直接向供应商采购，自行向客户计费并提供支持。必须满足准入标准。
partner-type-indirect-provider = 间接提供商
partner-type-indirect-provider-hint = 向供应商采购，并通过间接经销商为客户提供服务。
partner-type-closed-hint = 目前不接受申请。
already-enrolled = 我们已注册 CSP
already-enrolled-hint = 只需提供客户支持联系信息。
partner-type-closed-heading = 此合作伙伴类型目前不接受申请
partner-type-closed-body = “{ $type }”目前不接受申请。
partner-type-closed-suggest = 你可以改为注册为间接经销商，通过间接提供商进行销售。
partner-type-closed-action = 注册为间接经销商

## Work account
work-account-heading = 你的工作帐户
work-account-intro = 组织的工作帐户（用于 Office 365、Azure 或 Dynamics 的目录）将与 CSP 帐户关联。其国家或地区必须与 MPN ID 的位置一致。
work-account-mode-legend = 你有工作帐户吗？
work-account-mode-sign-in = 有，以全局管理员身份登录
work-account-mode-sign-in-hint = 使用该帐户全局管理员的用户名和密码。
work-account-mode-create = 没有，创建工作帐户
work-account-mode-create-hint = 我们将为你的组织创建一个新帐户。
work-account-user-name = 全局管理员用户名
work-account-user-name-hint = 例如 admin@contoso.onmicrosoft.com
work-account-signed-in = 已登录到 { $domain }（{ $country }）。
work-account-use-another = 使用其他工作帐户
tenant-organization = 组织名称
tenant-domain-prefix = 域名
tenant-domain-prefix-hint = 仅限字母和数字。你的帐户将是 { $domain }，以后无法更改。
tenant-country = 帐户所在的国家或地区
tenant-country-hint = 以后无法更改。MPN ID 必须属于同一国家或地区。
tenant-admin-email = 管理员的工作电子邮件地址

## MPN ID
mpn-heading = 关联 MPN ID
mpn-sign-in-intro = 登录合作伙伴网络网站，查找 MPN ID 对应的组织资料。
mpn-pmc-user-name = 合作伙伴网络用户名
mpn-choose-legend = 哪个资料用于接收激励、权益和能力认证？
mpn-choose-hint = 请选择位于 { $country }（工作帐户所在国家或地区）的有效位置资料。激励按国家/地区支付。
mpn-profile-label = { $name } — MPN ID { $mpn } — { $country }（{ $kind }）
mpn-kind-location = 位置
mpn-kind-global = 全球
mpn-not-listed = 我的 MPN ID 未列出：使用其他凭据登录

## Legal profile
legal-heading = 法定企业资料
legal-latin-note = 只能使用西欧（拉丁）字符，例如写 “Beijing” 而不是 “北京”，写 “Moskva” 而不是 “Москва”。
legal-name = 法定企业名称
legal-name-hint = 与在政府登记的名称一致。
address-line1 = 地址行 1
address-line2 = 地址行 2
address-city = 城市
address-state = 省/自治区/直辖市
address-postal-code = 邮政编码
registration-inn = INN（纳税人识别号）
registration-inn-hint = 公司为 10 位数字，个体经营者为 12 位。
registration-uscc = 统一社会信用代码
registration-uscc-hint = 18 位，见营业执照。

## Primary contact
contact-heading = 主要联系人
contact-verification-note = 我们将向此人发送电子邮件，确认其注册了此帐户，并且该电子邮件地址属于你的组织。状态更新也会发送到此地址。
contact-email = 工作电子邮件地址
contact-email-hint = 不接受 Gmail、Yahoo、Outlook.com、mail.ru 或 QQ 等个人电子邮件地址。

## Support
support-heading = 客户支持信息
support-intro = 客户将通过这些信息联系你的支持团队。
support-email = 支持电子邮件地址
support-phone = 支持电话号码
support-website = 支持网站

## Bank
bank-heading = 银行信息
bank-intro = 供应商支付激励的帐户。
bank-country = 银行所在的国家或地区
bank-account-holder = 帐户名称
bank-iban = IBAN
bank-iban-hint = 例如 FR76 3000 6000 0112 3456 7890 189
bank-bic = BIC（SWIFT 代码）
bank-bic-hint = 8 或 11 个字符，例如 BKCHCNBJ
bank-bik = BIK
bank-bik-hint = 9 位数字。
bank-ru-account = 结算帐号
bank-aba = ABA 路由号码
bank-aba-hint = 9 位数字。
bank-account-number = 帐号
bank-not-stored = 帐号不会保存在此浏览器中：重新加载页面后需要再次输入。

## Check answers
check-heading = 注册前请检查你的答案
check-section-type = 合作伙伴类型
check-section-account = 工作帐户和 MPN ID
check-section-legal = 法定企业资料
check-section-contact = 主要联系人
check-section-support = 客户支持
check-section-bank = 银行信息
check-tenant = 工作帐户
check-mpn = MPN ID
check-address = 地址
check-registration-id = 注册号
check-name = 姓名
check-bank-account = 帐户
check-declaration-heading = 提交申请
check-declaration = 注册即表示你确认所提供的信息正确无误。
enroll-now = 立即注册

## Status
status-heading = 申请已提交
status-reference = 你的申请编号
status-label = 状态
status-awaiting-email-verification = 等待电子邮件验证
status-awaiting-email-verification-body = 我们已向主要联系人发送电子邮件。对方确认地址后即开始审核。
status-in-review = 审核中
status-in-review-body = 我们正在审核你的申请，通常需要 3 到 5 个工作日。
status-approved = 已批准
status-approved-body = 你的 CSP 帐户已准备就绪。全局管理员现在可以签署合作伙伴协议。
status-approved-admin-agent = 请确认你在管理员代理组中：帐户设置、用户管理、你的姓名、管理员代理、更新。
status-needs-changes = 需要修改
status-needs-changes-body = 我们需要更多信息。请查看发送给主要联系人的电子邮件。
status-rejected = 未批准
status-rejected-body = 你的申请未获批准。发送给主要联系人的电子邮件说明了原因。
status-next-heading = 接下来会发生什么
status-next-verify = 我们会向 { $email } 发送电子邮件，确认对方已注册并且该地址属于你的组织。
status-next-review = 我们将审核你的申请，这需要几天时间。
status-next-email = 审核完成后，我们会向主要联系人发送电子邮件。
status-refresh = 再次查看状态

## Backend failures
api-conflict = 该内容已存在或已被他人更改。请检查答案后重试。
api-not-found = 找不到该内容。请检查地址后重试。
api-unauthorized = 用户名或密码不正确。
api-validation = 部分答案未被接受。请更正后重试。
api-bad-request = 请求未被接受。请重试。
api-server = 服务暂时不可用。你的答案已保留：请几分钟后重试。
api-timeout = 服务响应时间过长。你的答案已保留：请重试。
api-network = 无法连接到服务。请检查网络连接后重试；你的答案已保留。
api-malformed = 服务返回了无法读取的响应。你的答案已保留：请重试。

## Rule messages
err-required = 请输入答案
err-choose-one = 请选择一个选项
err-too-long = 最多输入 { $max } 个字符
err-email-format = 请输入格式正确的电子邮件地址，例如 name@contoso.com
err-email-consumer = 请输入工作电子邮件地址：不接受 { $domain } 的个人邮箱
err-email-role-mailbox = 请输入个人的电子邮件地址，而不是 { $mailbox }@ 这样的共享邮箱
err-email-government = 不接受 { $domain } 的政府电子邮件地址：请输入公司的工作电子邮件地址
err-email-onmicrosoft = 可以使用 { $domain } 的地址，但最好使用公司自有域名的地址
err-email-did-you-mean = 你是否要输入 { $suggestion }？
err-email-taken = 已存在使用此电子邮件地址的用户
err-mpn-format = MPN ID 只能包含数字
err-mpn-length = MPN ID 应为 { $min } 到 { $max } 位数字
err-mpn-not-found = 在此合作伙伴网络帐户中找不到 MPN ID { $mpn }
err-profile-inactive = 此资料（MPN ID { $mpn }）未处于活动状态
err-profile-not-location = 这是全球资料（MPN ID { $mpn }）：请选择位置资料
err-profile-country = 此资料位于 { $profile_country }，但你的工作帐户位于 { $tenant_country }：请选择 { $tenant_country } 的资料，或在该国家/地区创建位置
err-country-unknown = 请从列表中选择国家或地区
err-latin-only = 只能使用西欧（拉丁）字符：不接受“{ $char }”
err-postal-code-format = 请输入有效的邮政编码，例如 { $example }
err-inn-format = INN 应为 10 位或 12 位数字
err-inn-checksum = 请输入有效的 INN：校验位不匹配
err-uscc-format = 统一社会信用代码应为 18 位字母和数字
err-uscc-checksum = 请输入有效的统一社会信用代码：校验码不匹配
err-iban-format = 请按 { $country } 使用的格式输入 IBAN
err-iban-checksum = 请输入有效的 IBAN：校验位不匹配
err-iban-length = { $country } 的 IBAN 为 { $length } 个字符
err-iban-country = 此 IBAN 属于 { $iban_country }：请输入 { $country } 的 IBAN，或更改银行所在国家/地区
err-bic-format = BIC 应为 8 或 11 位字母和数字，例如 BKCHCNBJ
err-bik-format = BIK 应为 9 位数字
err-ru-account-format = 结算帐号应为 20 位数字
err-ru-account-checksum = 此帐号与 BIK 不匹配：请检查两者
err-aba-format = ABA 路由号码应为 9 位数字
err-aba-checksum = 请输入有效的 ABA 路由号码：校验位不匹配
err-account-number-format = 帐号应为 4 到 34 位字母和数字
err-phone-format = 请输入格式正确的电话号码，例如 +{ $calling_code } 10 1234 5678
err-phone-calling-code = 请输入带国家/地区代码的电话号码，例如 +{ $calling_code }
err-website-format = 请输入格式正确的网站地址，例如 www.contoso.cn
err-domain-prefix-format = 域名最多 27 个字母和数字，不能包含空格或点
err-domain-prefix-taken = { $domain } 已被占用：请选择其他域名
err-partner-type-closed = 此合作伙伴类型目前不接受申请
err-sign-in-failed = 用户名或密码不正确

err-choose-one--partner_type = 请选择你将如何销售云服务
err-choose-one--work_account-mode = 请选择你是否有工作帐户
err-email-format--work_account-user_name = 请输入格式正确的用户名，例如 admin@contoso.onmicrosoft.com
err-required--work_account-user_name = 请输入全局管理员用户名
err-required--work_account-password = 请输入密码
err-required--tenant-organization = 请输入组织名称
err-required--tenant-domain_prefix = 请输入域名
err-required--tenant-country = 请选择帐户所在的国家或地区
err-required--tenant-admin_first_name = 请输入管理员的名
err-required--tenant-admin_last_name = 请输入管理员的姓
err-required--tenant-admin_email = 请输入管理员的工作电子邮件地址
err-required--tenant = 请登录工作帐户或创建一个
err-required--pmc-user_name = 请输入合作伙伴网络用户名
err-required--pmc-password = 请输入合作伙伴网络密码
err-choose-one--profile = 请选择接收激励的资料
err-required--legal-legal_name = 请输入法定企业名称
err-required--legal-address-country = 请选择国家或地区
err-required--legal-address-line1 = 请输入地址行 1，通常是街道和门牌号
err-required--legal-address-city = 请输入城市
err-required--legal-address-state = 请输入省/自治区/直辖市
err-required--legal-address-postal_code = 请输入邮政编码
err-required--legal-registration_id = 请输入注册号
err-required--contact-first_name = 请输入名
err-required--contact-last_name = 请输入姓
err-required--contact-email = 请输入工作电子邮件地址
err-required--contact-phone = 请输入电话号码
err-required--support-email = 请输入支持电子邮件地址
err-required--support-phone = 请输入支持电话号码
err-required--bank-country = 请选择银行所在的国家或地区
err-required--bank-account_holder = 请输入帐户名称
err-required--bank-iban = 请输入 IBAN
err-required--bank-bic = 请输入 BIC（SWIFT 代码）
err-required--bank-bank_code = 请输入银行代码
err-required--bank-account_number = 请输入帐号
err-required--user-name = 请输入用户的全名
err-required--user-email = 请输入用户的工作电子邮件地址
