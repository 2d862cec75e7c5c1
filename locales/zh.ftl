## General
start-greeting =
    👋 { $name }，你好！我是 <b>Nearbuy 附近好价</b>：帮你发现身边商店的优惠。

    发送你的位置，我就告诉你附近有什么好价。在聊天里下单，拿到券码，到店出示即可。

    商家：用 /register 登记店铺，再用 /newdeal 发布优惠。
help =
    <b>Nearbuy</b> 命令

    所有人
    /nearby：附近的优惠（也可以直接说想要什么，例如“火锅 150以内”）
    /mycodes：我的券码、二维码和退款
    /saved：收藏的优惠（♡）；/following：关注的店铺
    /subscribe：订阅某个地点附近的新优惠推送
    /subscriptions：管理订阅的地点；/unsubscribe：停止所有推送
    /language：切换语言
    /cancel：退出当前操作

    在群里（把我加进群）
    /nearby：为大家列出某位成员分享的位置附近的优惠
    /vote：把其中最好的几个发起投票，公布胜出的优惠和购买按钮

    商家
    /register：登记店铺
    /newdeal：发布优惠（按步骤、一行填写或用自己的话描述）
    /mydeals：我的优惠：暂停、恢复、结束、库存、价格、复制
    /redeem 券码：核销顾客的券码（或扫描其二维码）
    /stats：每个促销带来的效果；/export：导出订单 CSV
    /reviews：店铺收到的评价；每条可回复一次
    /shop：店铺信息；/staff：邀请可核销的店员
    /refunds：待退款订单；退款后发送 /refunded 订单号
keyboard-share-location = 📍 发送位置
generic-error = 😕 我们这边出了点问题，请稍后再试。
button-expired = 这个按钮已失效，请重新开始。
unknown-text = 没看懂。发送位置查看附近优惠，或发送 /help。
cancelled = 已取消，没有保存任何内容。
nothing-to-cancel = 当前没有可取消的操作。
language-choose = 请选择语言：
language-set = ✅ 之后我会说中文。
close = ✖ 关闭
back = ◀ 返回
list-page = 第 { $page } / { $pages } 页

## Commands menu
cmd-start = 开始并发送位置
cmd-nearby = 附近的优惠
cmd-group-nearby = 为大家列出某位成员位置附近的优惠
cmd-group-vote = 把附近最好的优惠发起投票
cmd-language = 切换语言
cmd-help = 我能做什么
cmd-register = 登记店铺
cmd-newdeal = 发布优惠
cmd-mycodes = 我的券码
cmd-redeem = 核销券码（商家）
cmd-refunds = 待退款订单（商家）
cmd-cancel = 退出当前步骤

## Categories
category-all = 全部分类
category-food = 🍜 美食
category-cafe = ☕ 咖啡饮品
category-beauty = 💇 丽人
category-fitness = 🏋️ 运动健身
category-fun = 🎳 休闲娱乐
category-retail = 🛍 购物
category-services = 🧺 生活服务
category-hotel = 🏨 酒店

## Nearby
nearby-ask-location = 点下面的按钮发送你的位置（或发送一个地点），我来告诉你附近的优惠。
nearby-header = 📍 { $radius } 公里内共 <b>{ $count } 个优惠</b> · { $category }
nearby-header-nearest = 📍 { $radius } 公里内<b>最近的 { $count } 个优惠</b> · { $category }
nearby-line = { $n }. <b>{ $title }</b>：{ $price }{ $original } · { $distance }{ $rating }
nearby-line-discount = { " " }<s>{ $original }</s> 省 { $percent }%
nearby-line-discount-free = { " " }<s>{ $original }</s>
nearby-empty = 😶 { $radius } 公里内没有优惠 · { $category }。
nearby-empty-wider = 试试扩大范围：
nearby-pick-category = 选择分类：
nearby-category-button = 🏷 { $category }
nearby-prev = ◀ 上一页
nearby-next = 下一页 ▶
distance-m = { $m } 米
distance-km = { $km } 公里

## Deal card
card-shop = 🏪 <b>{ $shop }</b> · { $category }
card-address = 📍 { $address }{ $distance }
card-hours = 🕘 { $hours }
card-price = 💰 <b>{ $price }</b>{ $original }
card-price-original = { " " }原价 <s>{ $original }</s>（省 { $percent }%）
card-price-original-free = { " " }原价 <s>{ $original }</s>
card-stock = 📦 剩余 { $left } 份 · { $ends } 截止
card-limit = 每人限购 { $limit } 份 · 券码购买后 { $days } 天内有效
card-not-on-sale = ⛔ 该优惠目前不在售。
card-buy = 🛒 购买
card-map = 📍 查看地图
open-in-app = 🗺 在小程序中打开
# Inline mode: a deal shared into any chat ("@bot deal:12", sent by the app's Share).
inline-share-title = { $title } · { $price }
inline-open-deal = 🛒 查看优惠
inline-find-deals = 📍 查找附近的优惠
inline-share-location = 📍 分享位置，查看附近的优惠
send-to-friend = 📤 发给好友
cmd-friends = 你的分享带来了什么
friends-none = 👥 你还没有分享过优惠。在任意聊天中输入 <code>@{ $bot }</code> 加几个词，或在优惠上点 <b>📤 发给好友</b>，通过你的分享而来的好友会记在这里。
friends-brought = 👥 <b>你的分享</b>
    📤 已发送优惠：{ $sent }
    👀 打开的好友：{ $visitors }
    🛒 购买的好友：{ $buyers }
    🎟 已核销的好友：{ $redeemers }
friends-share = 📤 分享优惠
friends-rewards = 🎁 商家因此送你的奖励：{ $rewards }
group-help = 👋 在群里，我帮大家一起决定去哪儿：
    /nearby — 某个位置附近的优惠，群里所有人可见
    /vote — 把群里位置附近最好的五个优惠发起投票
    购买、券码和个人设置都在我们的私聊里。
group-help-open = 💬 打开私聊
group-nearby-ask = 📍 回复这条消息并发送一个位置（📎 → 位置），我会为大家列出附近的优惠。
group-nearby-header = 📍 <b>{ $name } 分享的位置附近的优惠</b>（{ $radius } 公里内）
group-nearby-private = 点数字在与我的私聊中打开优惠：购买和券码都只在私聊里。
group-nearby-empty = 😶 这个位置 { $radius } 公里内没有优惠。
vote-ask = 🗳 回复这条消息并发送一个位置（📎 → 位置），我会把附近最好的优惠发起投票。
vote-too-few = 😶 这个位置 { $radius } 公里内不到两个优惠，无法投票。换个位置试试。
vote-question = 🗳 { $name } 发起投票：我们选哪个优惠？（在 TA 分享的位置附近，{ $minutes } 分钟后截止）
vote-option = { $title } · { $price }{ $discount }
vote-option-discount = { " " }−{ $percent }%
vote-close = 🔒 结束投票
vote-closed = 🔒 投票已结束，马上公布结果。
vote-close-not-allowed = 只有发起投票的成员或群管理员可以结束投票。
vote-close-already = 这个投票已经结束了。
vote-close-unknown = 这个投票已不再进行。
vote-winner = 🏆 <b>投票结果：{ $title }</b>（{ $total } 票中得 { $votes } 票）
vote-winner-group = 👥 团购：{ $needed } 人购买后券码生效。邀请好友一起来吧！
vote-winner-private = 点「购买」在与我的私聊中继续：付款和券码都只在私聊里。
vote-no-votes = 🗳 投票结束，没有人投票。可以用 /vote 再发起一次。

## Forms
form-skip = 跳过 ⏭
form-cancel = ✖ 取消
form-back = ◀ 上一步
form-left = （已退出{ $form }，未保存任何内容。）
form-name-register = 店铺登记
form-name-newdeal = 发布优惠
form-expects-text = 请用文字回答。
form-expects-location = 请发送店铺位置：点 📎 → 位置，或发送“纬度, 经度”。
form-expects-photo = 请发送一张照片，或点“跳过”。
form-expects-button = 请使用上面的按钮。

## Register
register-name = 🏪 来登记你的店铺吧。店名是什么？（最多 64 个字符）
register-category = 哪个分类最合适？
register-location = 📍 店在哪里？发送位置（📎 → 位置）或“纬度, 经度”。
register-address = ✉️ 顾客看到的详细地址：
register-hours = 🕘 营业时间（例如“周一至周五 9:00–21:00，周六 10:00–18:00”）：
register-currency = 💱 本店标价货币：{ $name }（{ $code }），即店铺所在地的货币。保留它、选择其他货币，或发送三个字母的代码，例如 EUR。
register-currency-chosen = 💱 本店标价货币：{ $name }（{ $code }），是你之前选的。保留它、选择其他货币，或发送三个字母的代码，例如 EUR。
register-currency-keep = ✅ 保留 { $code }
register-done =
    ✅ <b>{ $name }</b> 登记成功。用 /newdeal 发布第一个优惠吧。
register-updated = ✅ 店铺信息已更新。
register-pending =
    ✅ <b>{ $name }</b> 已登记，正在等待运营审核，审核完成后我会通知你。
register-admin-notice = 🆕 新店铺待审核：<b>{ $name }</b>（{ $category }），{ $address }，店主 { $owner }。
register-admin-notice-again = 🔁 被拒后重新登记，待审核：<b>{ $name }</b>（{ $category }），{ $address }，店主 { $owner }。

## New deal
newdeal-title = 🏷 是什么优惠？起个简短的标题（最多 80 个字符），例如“拿铁买一送一”。
newdeal-description = 📝 描述一下（最多 500 个字符），或点“跳过”。
newdeal-photo = 📷 发一张照片，或点“跳过”。
newdeal-price = 💰 顾客支付的价格（{ $currency }，例如 { $example }；0 表示免费券）：
newdeal-original = 🏷 原价（{ $currency }，须高于 { $price }）：
newdeal-quantity = 📦 一共可售多少份？（1–100000）
newdeal-limit = 👤 每人最多买几份？（1–{ $max }，或点“跳过”使用 { $default }）
newdeal-days = 📅 在售多少天？（1–365）
newdeal-voucher-days = 🎟 券码购买后有效多少天？（1–365，或点“跳过”使用 { $default }）
newdeal-preview-header = 👀 <b>预览</b>：顾客将看到以下内容。
newdeal-publish = ✅ 发布
newdeal-published = 🎉 已发布！25 公里内的顾客现在就能看到“{ $title }”。
newdeal-discarded = 已放弃，没有发布任何内容。

## Errors (codes from the domain)
error-bad-coordinates = 📍 坐标无效：纬度应在 -90 到 90 之间，经度在 -180 到 180 之间，例如“31.2304, 121.4737”。
error-empty = 不能为空。
error-too-long = 太长了：最多 { $max } 个字符。
error-not-a-number = 请发送 { $min } 到 { $max } 之间的整数。
error-out-of-range = 请发送 { $min } 到 { $max } 之间的数字。
error-bad-category = 请选择一个分类。
error-bad-currency = 这不是我认识的货币代码。请发送三个字母，例如 USD、EUR 或 CNY，或点按钮。
error-currency-not-payable = Telegram 不支持用 { $code } 付款。请选择它支持的货币，例如 USD 或 EUR，或点按钮。
error-bad-price = { $decimals ->
        [0] 请发送类似 { $example } 的价格（不带小数），不能为负数。
       *[other] 请发送类似 12 或 { $example } 的价格（最多 { $decimals } 位小数），不能为负数。
    }
error-original-not-positive = 原价必须大于零。
error-original-below-price = 原价必须高于顾客支付的价格。
error-limit-above-quantity = 每人限购不能超过总数 { $quantity } 份。
error-register-line-format = 格式：<code>/register 店名 | 分类 | 纬度,经度 | 地址</code>，分类可选：{ $categories }。或只发送 /register 按步骤填写。
newdeal-line-wrong = ✏️ 你这一行里的{ $field }不对：{ $reason }其余的已记下。
newdeal-line-title = 标题
newdeal-line-price = 价格
newdeal-line-original = 原价
newdeal-line-quantity = 数量
newdeal-line-days = 售卖天数
error-newdeal-line-format = 格式：<code>/newdeal 标题 | 价格 | 原价 | 数量 | 天数</code>。或只发送 /newdeal 按步骤填写。
error-not-a-merchant = 只有商家可以这样做。请先用 /register 登记店铺。
error-shop-pending = 你的店铺仍在等待运营审核。
error-shop-not-approved = 你的店铺未获准发布优惠，请联系运营。
error-deal-not-found = 这个优惠已不存在。
error-share-rate-limited = 这一小时你已从应用发送了很多优惠：这个改用聊天里的分享发送。
error-no-location = 我还不知道你在哪里：请先发送位置。
error-location-needed = 📍 我需要地图上的位置，而不是地址：点 📎 → 位置，把图钉放到那里；或发送它的坐标，例如“31.2304, 121.4737”（在地图应用里长按该地点即可看到）。

## Checkout and vouchers
card-refund-anytime = ↩️ 未使用随时退
card-refund-on-expiry = ↩️ 过期未使用自动退款
card-refund-none = ⚠️ 不支持退款
card-group = 👥 团购：{ $needed } 人购买后券码生效（已有 { $sofar } 人），有效期从成团起算
group-invite = 👥 邀请好友
newdeal-refund = ↩️ 退款规则？（跳过：未使用随时退）
refund-policy-anytime = 未使用随时退
refund-policy-on-expiry = 过期未使用自动退
refund-policy-none = 不支持退款
newdeal-group = 👥 团购？发送最少购买人数（2–{ $max }）：达到人数后券码生效。普通优惠请跳过。
buy-how-many = 🛒 { $title }：买几份？（最多 { $max } 份）
invoice-description = { $shop } 的 { $title }。购买后获得券码，到店出示即可。
invoice-pay = 💳 支付 { $total }
invoice-cancel = ✖️ 取消
invoice-held = ⏳ 已为你保留 { $minutes } 分钟，请尽快支付。
invoice-refused = 😕 这个优惠暂时无法在聊天中支付（支付服务商拒绝了账单），未扣款。
invoice-cancelled = 已取消：名额已重新开放。
invoice-not-open = 这个账单已失效。
payment-unmatched = ⚠️ 已收到你的付款，但没有找到对应的订单。款项不会丢失，将会退还。参考号：<code>{ $charge }</code>
payment-stray-owner = ⚠️ 订单 #{ $order }（<b>{ $title }</b>）被重复支付了一次，金额 { $total }，这笔付款没有发放任何券。请通过你的支付服务商退还给买家（交易号 <code>{ $charge }</code>）。
payment-stray-operator = ⚠️ 用户 { $buyer } 的一笔 { $total } 付款没有对应的未付订单（账单负载 <code>{ $payload }</code>），没有发放任何券。请通过支付服务商退还（Telegram 交易号 <code>{ $charge }</code>，服务商交易号 <code>{ $provider }</code>）。
payment-sold-out = 😕 你付款时 <b>{ $title }</b> 已售罄。商家将退还 { $total }，完成后会通知你。
payment-over-limit = 😕 <b>{ $title }</b> 的这笔付款到达时，账单已取消或过期，而你已达到每人限购数量（{ $limit } 份）。商家将退还 { $total }，完成后会通知你。
payment-off-sale = 😕 你付款时 <b>{ $title }</b> 已下架。商家将退还 { $total }，完成后会通知你。
order-paid-part = ✅ 已付款：{ $quantity } × <b>{ $title }</b>，{ $total }（订单 #{ $order }）。这笔付款到达时账单已取消或过期，只能为你兑现 { $honoured } 份，券码见下方。其余 { $refunded } 份的 { $refund } 将由商家退还，完成后会通知你。
price-free = 免费
order-paid = ✅ 已付款：{ $quantity } × <b>{ $title }</b>，{ $total }（订单 #{ $order }）。
order-claimed = ✅ 已领取：{ $quantity } × <b>{ $title }</b>，{ $total }（订单 #{ $order }）。
order-codes = 🎟 你的 { $count } 个券码（二维码见上方，也可在 /mycodes 中查看）：
group-pending = ⏳ <b>{ $title }</b> 是团购：{ $needed } 人购买后券码生效（已有 { $sofar } 人）。邀请好友更快成团！
group-reached = 🎉 团购 <b>{ $title }</b> 已达到 { $needed } 人：你的券码已生效。查看 /mycodes。
voucher-list = 🎟 我的券码
voucher-code = 券码：<code>{ $code }</code>
voucher-shop = 🏪 { $shop } · { $address }
voucher-how-to-use = 到店出示此二维码（或报出券码）即可使用。
voucher-state-active = 有效期至 { $until }
voucher-state-pending = 等待 { $needed } 人成团
voucher-state-redeemed = 已于 { $when } 核销
voucher-state-refunded = 已退款
voucher-state-refund-requested = 退款处理中
voucher-state-expired = 已于 { $when } 过期
mycodes-empty = 🎟 你还没有券码。发送位置找找附近的优惠吧！
mycodes-header = 🎟 <b>我的券码</b>（{ $total }）· 第 { $page }/{ $pages } 页
voucher-refund = ↩️ 退款
refund-how-many = ↩️ <b>{ $title }</b>（订单 #{ $order }）有 { $count } 张未使用的券，要退几张？每张 { $price }。
refund-confirm = ↩️ 退还 <b>{ $title }</b>（订单 #{ $order }）中 { $count } 张未使用的券，共 { $amount }？以下券码将立即失效：
refund-yes = 确认退款
refund-no = 不退了
refund-requested = ↩️ 订单 #{ $order } 已申请退款：{ $shop } 将通过支付服务商退还 { $amount }，完成后会通知你。
refund-done-free = ↩️ 已完成：订单 #{ $order } 的 { $count } 张券码已取消。
refund-due-merchant = ↩️ 待退款：订单 #{ $order }，<b>{ $title }</b>，{ $amount }。请通过支付服务商退款（交易号 <code>{ $charge }</code>），然后点按钮或发送 <code>/refunded { $order }</code>。
refund-mark-done = ✅ 标记为已退款
refund-paid-notice = ✅ 商家已退还订单 #{ $order }（<b>{ $title }</b>）的 { $amount }。
refund-expired-notice = ↩️ 你在 <b>{ $title }</b> 的 { $count } 张未使用券码已过期：商家将退还 { $amount }。
group-failed-notice = 😕 团购 <b>{ $title }</b> 结束时未达到 { $needed } 人。订单已取消，{ $amount } 将退还给你。
refunds-none = 没有待退款的订单。👍
refunds-header = ↩️ <b>待退款</b>（{ $count }）：请逐笔通过支付服务商退款，然后点对应按钮。
refunds-line = #{ $order } · <b>{ $title }</b> · { $amount } · 交易号 <code>{ $charge }</code>
refunded-usage = 发送 <code>/refunded 订单号</code>，例如 <code>/refunded 12</code>。
refunded-done = ✅ 订单 #{ $order } 已标记为已退款（{ $amount }），已通知买家。
redeem-usage = 发送 <code>/redeem</code> 加顾客的券码，例如 <code>/redeem 7KQ2-M9XD-4HT3</code>。也可以用手机相机扫描顾客的二维码。
redeem-done = ✅ 已核销 <code>{ $code }</code>：<b>{ $title }</b>，{ $quantity } 张（{ $price }），来自订单 #{ $order }（共 { $ordered } 张），买家 { $buyer }。
redeem-already = ⚠️ <code>{ $code }</code>（<b>{ $title }</b>）已于 { $when } 核销过。
redeem-group-pending = ⏳ <code>{ $code }</code>（<b>{ $title }</b>）尚未生效：团购需要 { $needed } 人。
redeem-refunded = ⛔ <code>{ $code }</code>（<b>{ $title }</b>）已退款，不能使用。
redeem-expired = ⌛ <code>{ $code }</code>（<b>{ $title }</b>）已于 { $when } 过期。
redeem-confirm = 🎟 核销 <code>{ $code }</code>：<b>{ $title }</b>（{ $price }），买家 { $buyer }？
redeem-confirm-yes = ✅ 核销
voucher-redeemed-notice = ✅ 你的券码 <code>{ $code }</code>（<b>{ $title }</b>）已在 { $shop } 核销。祝你愉快！
referral-reward-notice = 🎁 你分享的 <b>{ $title }</b> 已被好友在 { $shop } 核销。谢谢你！{ $shop } 送你一张 <b>{ $reward }</b> 的免费券，请查收。
voucher-link-not-staff = 🎟 这是 Nearbuy 的券码，只有售出它的商家可以核销：请到店出示。
error-deal-sold-out = 😕 已售罄。
error-deal-not-on-sale = 这个优惠已下架。
error-limit-reached = 你已达到该优惠的每人限购数量（{ $limit } 份）。
error-quantity-unavailable = 现在最多只能买 { $max } 份，请重新选择。
error-quantity-invalid = 请选择 1 到 { $max } 份。
error-payments-off = 💳 本机器人尚未开通支付：只能领取免费券。
error-order-unknown = 这个账单不属于你的订单。
error-order-already-paid = 这个订单已付款：查看 /mycodes。
error-order-expired = 账单已过期，名额已重新开放。请重新点击购买。
error-order-amount-changed = 金额与订单不符，请重新点击购买。
error-code-malformed = 券码由 12 个字母和数字组成，例如 7KQ2-M9XD-4HT3，请检查。
error-code-typo = 券码有误：有一位输错或两位颠倒了，请检查。
error-code-unknown = 你的店铺没有这个券码。
error-not-a-redeemer = 只有店主（或店员）可以核销券码。
error-redeem-shop-suspended = 店铺已被暂停：在运营人员恢复之前无法核销券码。顾客的券码仍然有效。
error-redeem-rate-limited = 输错次数太多，请 { $minutes } 分钟后再试。
error-redeem-confirmation-invalid = 这个确认已失效。请重新扫描顾客的二维码，或用 /redeem 输入券码。
error-voucher-not-found = 这个券码不是你的，或已不存在。
error-refund-not-allowed = 这个券码不能退款（已使用、已过期，或该优惠不支持退款）。
error-refund-not-due = 订单 #{ $order } 没有需要你的店铺退款的款项。
error-bad-refund-policy = 请选择一种退款规则。
## Search in plain words
search-understood = 🔎 我的理解：{ $query }
search-understood-nothing = 附近的全部优惠
search-price-cap = 不超过 { $price }
search-price-cap-per-person = 人均不超过 { $price }
search-price-cap-party = 人均不超过 { $price }（{ $size } 人共 { $total }）
search-discount = 至少减 { $percent }%
search-party = 👥 { $size } 人
search-radius = { $distance }内
search-when-now = 🕘 现在
search-when-today = 🕘 今天
search-when-tonight = 🕘 今晚
search-when-tomorrow = 🕘 明天
search-when-weekend = 🕘 本周末
search-header = 📍 筛选结果：{ $radius } 公里内 { $searched } 个优惠中有 <b>{ $matches }</b> 个符合 · { $category }
search-header-nearest = 📍 筛选结果：{ $radius } 公里内最近的 { $searched } 个优惠中有 <b>{ $matches }</b> 个符合 · { $category }
search-empty = 😶 { $radius } 公里内的 { $searched } 个优惠（{ $category }）没有符合的。试试扩大范围，或去掉一个条件。
search-empty-none = 😶 { $radius } 公里内没有优惠（{ $category }）。试试扩大范围。
search-ask-location = 📍 请用下方按钮发送位置，我就在你附近搜索。
search-too-long = 消息太长了。请用几个词说说你想找什么（最多 { $max } 个字符），例如“火锅 两人 150元以内”。
search-drop = ✖ { $filter }
search-small-talk-greeting = 👋 { $name }，你好！发送位置，我就给你看附近的优惠；也可以直接说想找什么，例如“火锅 两人 150元以内”。发送 /help 查看全部功能。
search-small-talk-thanks = 😊 不客气！想找优惠的时候随时找我。
search-everything = 📍 附近全部优惠

## New deal from a description
newdeal-describe-hint = 💡 也可以用一句话描述整个优惠，例如“/newdeal 工作日下午2点到5点拿铁半价，共50杯，到月底”。
newdeal-describe-hint-numbers = 💡 也可以用一句话描述优惠，例如“/newdeal 工作日下午拿铁现价15元，原价30元，共50杯，到月底”：我会读出价格、数量和日期，其余的再问你。
newdeal-drafted = ✍️ 这是根据你的描述起草的优惠。请逐项检查：点“发布”之前不会发布任何内容。
newdeal-draft-by-hand = ✍️ 我没能自动起草，我们一步步来填写。你的文字已保留为优惠描述。
newdeal-draft-by-hand-long = ✍️ 我没能自动起草，我们一步步来填写。
newdeal-draft-parsed = ✍️ 从你的文字中读出：{ $fields }。其余的我们一步步来填写；你的文字已保留为优惠描述。
newdeal-draft-parsed-long = ✍️ 从你的文字中读出：{ $fields }。其余的我们一步步来填写。
newdeal-read-price = 价格 { $price }
newdeal-read-original = 原价 { $price }
newdeal-read-quantity = 共 { $quantity } 份
newdeal-read-days = 售卖 { $days } 天
newdeal-edit-title = ✏️ 标题
newdeal-edit-description = ✏️ 描述
newdeal-edit-photo = ✏️ 图片
newdeal-edit-price = ✏️ 价格
newdeal-edit-original = ✏️ 原价
newdeal-edit-quantity = ✏️ 数量
newdeal-edit-limit = ✏️ 每人限购
newdeal-edit-days = ✏️ 在售天数
newdeal-edit-voucherDays = ✏️ 券有效期
newdeal-edit-refund = ✏️ 退款规则
newdeal-edit-group = ✏️ 团购
error-describe-too-long = 描述太长了：最多 { $max } 个字符。
## Merchant console: /mydeals, /stats, /export, /staff, /admin, daily summary
cmd-mydeals = 我的优惠：暂停、恢复、结束、库存、价格
cmd-stats = 推广效果数据
cmd-export = 导出订单和核销（CSV）
cmd-staff = 邀请或移除店员
console-back = ◀ 返回
error-staff-not-owner = 只有店主可以这样做。店员可以核销顾客的券码。
error-shop-suspended = 你的店铺已被暂停：在运营恢复之前，优惠不会展示。
error-not-your-deal = 这个优惠属于其他店铺。
error-deal-ended = 这个优惠已结束。复制一份即可重新售卖。
error-deal-not-pausable = 这个优惠不在售，无法暂停。
error-deal-not-paused = 只有已暂停的优惠可以恢复。
error-stock-below-taken = 已售出或预留 { $taken } 份：总数不能低于这个数。
error-shop-not-found = 没有这家店铺。
error-shop-status-changed = 这家店铺的状态已被更改（当前：{ $status }）。
error-invite-invalid = 这个邀请链接无效。
error-invite-used = 这个邀请链接已被使用，请向店主索取新链接。
error-invite-expired = 这个邀请链接已过期，请向店主索取新链接。
error-invite-own-shop = 这是你自己的店铺，不需要邀请。
error-invite-already-staff = 你已经是这家店的店员了。这个链接不会被占用，留给本该收到它的人。
error-invite-shop-unavailable = 这家店铺目前无法添加店员。链接在过期前仍然有效，请稍后再试。
error-staff-not-found = 此人已不是你的店员。
deal-status-active = ▶️ 在售
deal-status-paused = ⏸ 已暂停
deal-status-ended = ⏹ 已结束
deal-status-suspended = ⛔ 已隐藏（店铺被暂停）
mydeals-empty = 你还没有优惠。用 /newdeal 发布一个。
mydeals-header = 📋 <b>你的优惠</b>（{ $count }）
mydeals-line = { $n }. <b>{ $title }</b> · { $status } · 已售 { $sold } · 剩余 { $left } · 销售额 { $revenue }
mydeals-panel =
    状态：{ $status }
    💰 { $price }（原价 { $original }）
    📦 剩余 { $left } / 共 { $quantity } · 已售出或预留 { $taken }
    🧾 已售券码 { $sold } 张 · { $revenue }
    📅 { $ends } 截止
mydeals-pause = ⏸ 暂停
mydeals-resume = ▶️ 恢复
mydeals-end = ⏹ 立即结束
mydeals-stock = 📦 库存
mydeals-price = 💰 价格
mydeals-original = 🏷 原价
mydeals-title = ✏️ 标题
mydeals-description = 📝 描述
mydeals-photo = 📷 图片
mydeals-ends = 📅 截止日期
mydeals-duplicate = 📄 复制
mydeals-end-ask = 现在结束“{ $title }”吗？它会立即从搜索中消失；已售券码仍然有效。
mydeals-end-confirm = ⏹ 确定结束
mydeals-done-paused = 已暂停：不再出现在搜索中。
mydeals-done-resumed = 已恢复在售。
mydeals-done-ended = 已结束。
mydeals-done-duplicated = 已复制。副本处于暂停状态：调整后点“恢复”。
mydeals-saved = ✅ 已保存。
referral-button = 🎁 推荐奖励
referral-screen =
    🎁 <b>推荐奖励：{ $title }</b>
    好友通过别人分享的这个优惠购买并核销后，分享的人会得到一张由你出资的免费券（在 /stats 中计入让利）。每位好友只奖励一次；分享给自己不算，本来就是你的顾客的好友也不算。
referral-now-off = 当前：关闭。
referral-now-on = 当前：一张 <b>{ $reward }</b> 的免费券（原价 { $value }）。
referral-cap = 上限：{ $period ->
        [month] 每月 { $cap } 张 · 本月已送 { $given } 张
       *[total] 共 { $cap } 张 · 已送 { $given } 张
    }
referral-off = 关闭
referral-same = 本优惠
referral-other = 其他优惠
referral-period-month = 每月
referral-period-total = 总共
referral-pick = 🎁 好友核销 <b>{ $title }</b> 后，分享的人得到哪个优惠的券？
referral-pick-none = 你没有其他可作奖励的优惠：它须在售或已暂停，且不是拼团优惠。
mydeals-ask-stock = 📦 新的总数量（当前 { $quantity }；已售出或预留 { $taken }，不能低于此数）：
mydeals-ask-price = 💰 新价格，单位 { $currency }（当前 { $price }，原价 { $original }）。已售券码保持原价。
mydeals-free-ask = 🆓 把“{ $title }”改为免费吗？顾客无需付款即可领取券码。已售券码保持原价。
mydeals-free-confirm = 🆓 确定改为免费
mydeals-ask-original = 🏷 新的原价，单位 { $currency }（当前 { $original }；须高于价格 { $price }）。已售券码保持原来的原价。
mydeals-ask-title = ✏️ 新标题（最多 80 个字符；当前“{ $title }”）。已售券码保留购买时的标题。
mydeals-ask-description = 📝 新的描述（最多 500 个字符）：
mydeals-ask-photo = 📷 发送优惠的新图片。
mydeals-ask-days = 📅 从现在起再售多少天？（1–365；当前 { $ends } 截止）已售券码的有效期不变。
form-name-dealstock = 修改库存
form-name-dealprice = 修改价格
form-name-dealoriginal = 修改原价
form-name-dealtitle = 修改标题
form-name-dealdescription = 修改描述
form-name-dealphoto = 修改图片
form-name-dealends = 修改截止日期
stats-header = 📊 <b>{ $name }</b> · { $period }
stats-period-today = 今天
stats-period-7d = 7 天
stats-period-30d = 30 天
stats-period-all = 全部
stats-funnel = 👀 列表曝光：{ $impressions } · 详情查看：{ $views } · 推送送达：{ $pushes }
stats-orders = 🧾 发出账单：{ $invoices } · 购买：{ $purchases }（{ $units } 张券）
stats-revenue = 💰 收入：{ $revenue } · 退款：{ $refunds }（{ $refunded }）
stats-redeemed = 🎟 已核销：{ $redeemed } · 核销率：{ $rate }
stats-customers = 👥 顾客：新客 { $new }，回头客 { $returning }
stats-ratio = ⚖️ 让利：{ $discount } · 收入 { $revenue } · 投入产出比：{ $ratio }
stats-sources = <b>按来源</b>
stats-source-line = { $channel }：曝光 { $impressions } · 查看 { $views } · 推送 { $pushes } · 购买 { $purchases } · { $revenue }
stats-channel-nearby = 📍 附近
stats-channel-search = 🔎 搜索
stats-channel-push = 🔔 推送
stats-channel-link = 🔗 分享链接
stats-channel-friends = 👥 好友分享
stats-source-friends = { $channel }：分享 { $shares } 次 · 打开 { $views } · 购买 { $purchases } · 核销 { $redeemed } · { $revenue }
stats-source-rewards = 🎁 送给分享者的奖励：{ $count } 张 · 价值 { $cost }
stats-channel-other = ❔ 其他
stats-by-offer = 📋 按优惠
stats-chart = 📈 图表
stats-title-button = 📊 数据
stats-pick-offer = 哪个优惠？
chart-caption = 📈 { $name }：最近 30 天
    🟦 购买 { $purchases } 次 · 🟩 核销 { $redemptions } 张
export-orders = 🧾 订单：{ $count }
export-redemptions = 🎟 核销：{ $count }
export-column-order = 订单
export-column-created = 下单时间（{ $zone }）
export-column-status = 状态
export-column-paid = 付款时间（{ $zone }）
export-column-refunded = 退款时间（{ $zone }）
export-column-offer = 优惠
export-column-offer-title = 优惠标题
export-column-customer = 顾客
export-column-quantity = 数量
export-column-unit-price = 单价
export-column-usual-price = 原单价
export-column-total = 总额
export-column-currency = 币种
export-column-source = 来源
export-column-voucher = 券
export-column-code = 券码
export-column-redeemed = 核销时间（{ $zone }）
export-column-price-paid = 实付
export-column-discount = 让利
export-reviews = ⭐ 评价：{ $count }
stats-rating = ⭐ 评分 { $rating }，{ $count } 条评价{ $change }
stats-rating-change = （比上一期 { $change }）
export-column-written = 评价时间（{ $zone }）
export-column-stars = 星级
export-column-quality = 品质
export-column-service = 服务
export-column-value = 性价比
export-column-text = 内容
export-column-photos = 照片
export-column-helpful = 有用票数
export-column-reply = 商家回复
export-column-hidden = 已隐藏
staff-header = 👥 <b>{ $name }</b> 的店员（{ $count }）。他们可以核销券码，不能修改优惠或查看收入。
staff-none = 👥 <b>{ $name }</b> 还没有店员。邀请在柜台核销券码的人吧。
staff-invite = ➕ 邀请链接
staff-remove = ✖ 移除 { $name }
staff-removed = 已移除。
staff-link = 把这个链接发给对方（仅可使用一次，{ $expires } 前有效）：
    { $link }
staff-joined = ✅ 你现在是 <b>{ $name }</b> 的店员，可以核销顾客的券码。
staff-joined-owner = 👥 { $name } 已成为你的店员。
admin-only = 这个命令仅供运营使用。
admin-approve = ✅ 通过
admin-reject = ❌ 拒绝
admin-suspend = ⛔ 暂停
admin-reinstate = ♻️ 恢复
admin-none-pending = 没有待审核的店铺。发送 <code>/admin 店铺编号</code> 可暂停或恢复店铺。
admin-pending-header = { $total } 家店铺待审核，最早的在前：点编号可通过或拒绝。发送 <code>/admin 店铺编号</code> 可暂停或恢复店铺。
admin-shop-line = #{ $id } <b>{ $name }</b>（{ $category }），{ $address } · { $status }
admin-shop-unknown = 没有这个编号的店铺。
admin-done-approved = ✅ { $name } 已通过审核。
admin-done-rejected = ❌ { $name } 已被拒绝。
admin-done-suspended = ⛔ { $name } 已暂停：优惠已隐藏。
admin-done-reinstated = ♻️ { $name } 已恢复：优惠重新在售。
shop-status-pending = 待审核
shop-status-approved = 已通过
shop-status-rejected = 已拒绝
shop-status-suspended = 已暂停
owner-shop-approved = 🎉 <b>{ $name }</b> 已通过审核。用 /newdeal 发布第一个优惠吧。
owner-shop-rejected = <b>{ $name }</b> 未通过审核。请联系运营了解原因。
owner-shop-suspended = ⛔ <b>{ $name }</b> 已被暂停：优惠已隐藏。请联系运营。
owner-shop-reinstated = ♻️ <b>{ $name }</b> 已恢复：优惠重新在售。
summary-intro = 🌙 今日数据。
summary-stop = 🔕 停止每日汇总
summary-start = 🔔 恢复每日汇总
summary-on = 🔔 每天晚上你会收到一份汇总。
summary-off = 🔕 不再发送每日汇总。发送 /summary on 可恢复。
summary-status-on = 🔔 每日汇总已开启。发送 /summary off 可停止。
summary-status-off = 🔕 每日汇总已关闭。发送 /summary on 可恢复。
cmd-shop = 店铺资料
shop-details =
    🏪 <b>{ $name }</b> · { $category } · { $status }
    📍 { $address }（{ $lat }, { $lng }）
    🕘 { $hours }
    📷 { $photo }
    { $summary }
shop-photo-set = 已设置照片
shop-photo-none = 没有照片
shop-summary-on = 🔔 每日汇总：开启
shop-summary-off = 🔕 每日汇总：关闭
shop-edit-name = ✏️ 店名
shop-edit-category = 🏷 分类
shop-edit-location = 📍 位置
shop-edit-address = ✉️ 地址
shop-edit-hours = 🕘 营业时间
shop-edit-photo = 📷 照片
shop-photo-ask = 📷 请发送一张店铺照片。
shop-expects-photo = 请发送一张照片。
form-name-shopname = 修改店名
form-name-shopcategory = 修改分类
form-name-shoplocation = 修改位置
form-name-shopaddress = 修改地址
form-name-shophours = 修改营业时间
form-name-shopphoto = 修改照片
## Subscriptions and pushes
cmd-subscribe = 订阅某地附近的新优惠
cmd-subscriptions = 订阅的地点和推送设置
cmd-unsubscribe = 停止所有推送
form-name-subscribe = 订阅
subscribe-place = 🔔 要我关注哪个地点的新优惠？发送位置（📎 → 位置），或发送“纬度, 经度”，也可以用你上次的位置。
subscribe-use-last = 📍 用我上次的位置
subscribe-expects-location = 请发送这个地点的位置：点 📎 → 位置，或发送“纬度, 经度”。
subscribe-saved = ✅ 订阅成功！这个地点附近有新优惠时我会推送给你。可以在下面调整。
subscription-label-home = 家
subscription-label-work = 公司
subscription-label-other = 地点
subscription-quiet-none = 无免打扰
subscription-settings =
    🔔 <b>{ $label }</b> · { $lat }, { $lng }（{ $zone }）
    范围：{ $radius } 公里
    分类：{ $categories }
    每天最多 { $max } 条推送
    免打扰：{ $quiet ->
        [none] 无
       *[other] { $quiet }（当地时间）
    }
subscription-summary = { $label }：{ $radius } 公里 · { $categories } · 每天 ≤ { $max } 条 · { $quiet ->
        [none] 🔔 无免打扰
       *[other] 🌙 { $quiet }
    }
subscription-categories-button = 🏷 { $categories }
subscription-max-button = 每天 { $max } 条
subscription-quiet-other = 🌙 其他时间…
subscription-quiet-ask = 🌙 这个地点什么时间不要打扰你？发送两个当地时间，例如 22:30–07:00，或发送“无”。
subscription-quiet-saved = ✅ 免打扰时间已保存。
form-name-quiethours = 免打扰时间
subscription-move = 📍 移动
subscribe-move-place = 📍 这个地点要换到哪里？发送位置（📎 → 位置）、“纬度, 经度”，或使用你上次的位置。其他设置不变。
subscription-moved = ✅ 已移动。其他设置不变；免打扰时间按新地点的当地时间计算。
subscription-delete = 🗑 删除
subscription-all-places = ◀ 全部地点
subscription-pick-categories = 🏷 推送这些分类的优惠（点一下开启或关闭）：
subscription-add = ➕ 添加地点
subscription-stop-all = 🔕 全部停止
subscription-deleted = 已删除。
subscriptions-header = 🔔 你订阅的地点（{ $count } 个）。点一个进行修改。
subscriptions-empty = 你还没有订阅。添加一个地点，附近有新优惠时我会推送给你。
unsubscribed = 🔕 好的，不再推送（已删除 { $places } 个地点{ $shops ->
        [0] {""}
       *[other] ，已取消关注 { $shops } 家店铺
    }）。发送 /subscribe 可重新订阅。
unsubscribe-nothing = 你没有任何订阅，也没有关注店铺，无需停止。
push-header = 🔔 { $place }附近的新优惠：{ $count } 个
push-line = { $n }. <b>{ $title }</b>（{ $shop }）：{ $price }{ $original }{ $distance ->
        [none] {""}
       *[other] { " · " }{ $distance }
    }
push-stop = 🔕 停止这些推送
push-settings = ⚙️ 设置
push-stopped = 🔕 已停止：这些地点不会再推送。发送 /subscriptions 查看剩下的订阅。
push-stopped-already = 这些推送已经停止了。发送 /subscriptions 查看剩下的订阅。
error-subscription-not-found = 这个订阅已不存在。请查看 /subscriptions。
error-too-many-subscriptions = 最多只能订阅 { $max } 个地点。请先在 /subscriptions 里删除一个。
error-bad-quiet-hours = 免打扰时间必须是一天中的时刻，例如 22:00–08:00。

## The Mini App (web/): its screens, and the API's own refusals
app-follow = ➕ 关注店铺
app-following = ✓ 已关注
app-save = ♡ 收藏
app-saved = ♥ 已收藏
app-tab-deals = 优惠
app-tab-vouchers = 我的券
app-tab-shop = 我的店
app-tab-saved = ♡ 收藏
app-tab-following = 关注
app-saved-title = 收藏的优惠
app-saved-none = 还没有收藏。在优惠页点 ♡ 收藏，就会出现在这里。
app-saved-off-sale = 已停售
app-following-title = 关注的店铺
app-following-none = 还没有关注店铺。在优惠页点 ➕ 关注店铺，它的新优惠就会出现在这里和你的推送中。
app-following-on-sale = { $count ->
    [0] 目前没有在售优惠
   *[other] { $count } 个优惠在售
  }
app-unsave = 移除
app-unfollow = 取消关注
app-rate-visit = ⭐ 评价这次消费
app-reviewed = ✓ 已评价 ★{ $stars }
app-review-form-title = 评价这次消费
app-review-stars = 你的评分
app-review-stars-label = { $n } 星
app-review-pick-stars = 请先选择 1 到 5 星。
app-review-details = 更多细节（可选）
app-review-sub-quality = 口味 / 品质
app-review-sub-service = 服务
app-review-sub-value = 性价比
app-review-text = 说说你的体验（可选）
app-review-text-placeholder = 哪里好，哪里不好…
app-review-text-count = { $count }/{ $max }
app-review-photos = 照片（可选，最多 { $max } 张）
app-review-add-photo = 📷 添加照片
app-review-remove-photo = 移除这张照片
app-review-photo-unreadable = 无法读取这个文件：请选择 JPEG、PNG 或 WebP 图片。
app-review-submit = 发布评价
app-review-posted = ⭐ 谢谢！你的评价已发布。
app-review-see-shop = 🏪 查看店铺评价
app-back = 返回
app-deals-title = 附近的优惠
app-deals-none = 这里没有优惠。移动地图、扩大范围或清除筛选条件试试。
app-search-placeholder = 搜索：“5元以下咖啡”、“理发”…
app-filter-radius = 范围
app-filter-category = 类别
app-filter-max-price = 最高价
app-distance-m = { $m } 米
app-distance-km = { $km } 公里
app-location-prompt = 你在哪里？分享位置即可查看附近的优惠，也可以手动移动地图。
app-location-share = 📍 分享我的位置
app-location-denied = 无法获取位置。请把地图移到你想看的地方。
app-deal-title = 优惠详情
app-deal-category = 类别
app-deal-stock = 剩余
app-deal-ends = 截止
app-deal-limit = 每人限购
app-deal-refunds = 退款
app-shop-hours = 营业时间：{ $hours }
app-shop-route = 🧭 到店路线
app-shop-reviews = { $rating } · 查看评价
app-shop-open = 🏪 店铺主页
app-rating = ⭐ { $rating }（{ $count }）
app-shop-page-title = 店铺
app-shop-offers = 在售优惠
app-shop-offers-none = 暂时没有优惠。
app-reviews-title = 评价
app-reviews-none = 还没有评价。
app-reviews-sort-newest = 🕘 最新优先
app-reviews-sort-helpful = 👍 最有用优先
app-review-quality = 品质 { $n }/5
app-review-service = 服务 { $n }/5
app-review-value = 性价比 { $n }/5
app-review-helpful = 👍 有用（{ $count }）
app-review-reply = 💬 商家回复：{ $reply }
app-buy-quantity = 数量
app-buy = 购买
app-buy-for = 购买 · { $price }
app-buy-failed = 支付未完成，未扣款，可以再试一次。
app-buy-pending = 支付处理中：完成后，券会出现在“我的券”中。
app-share = 📤 发给好友
app-share-sent = ✅ 已发送！通过它来的好友都记在你名下（/friends）。
app-share-cancelled = 未发送。
app-vouchers-title = 我的券
app-vouchers-none = 还没有券。购买优惠后，券会显示在这里。
app-voucher-state = { $state ->
    [PENDING] 出券中
    [ACTIVE] 可使用：到店出示此码
    [REDEEMED] 已使用
    [EXPIRED] 已过期
   *[REFUNDED] 已退款
  }
app-voucher-expires = 有效期至 { $date }
app-refund = 申请退款
app-refund-confirm = 确定退款吗？退款后此券不能再使用。
app-shop-title = 我的店
app-scan = 扫码核销
app-scan-hint = 将摄像头对准顾客的二维码
app-redeem-ask = 核销 { $code }（{ $title }）？
app-redeem-confirm = 核销
app-redeem-outcome = { $outcome ->
    [redeemed] ✅ 已核销。
    [already-redeemed] 此券已使用过。
    [group-pending] 此团购尚未成团，券暂不能使用。
    [refunded] 此券已退款，不能使用。
   *[expired] 此券已过期。
  }
app-cancel = 取消
app-offers-title = 优惠
app-offers-none = 还没有优惠：在聊天中用 /newdeal 发布。
app-offer-status = { $status ->
    [ACTIVE] 在售
    [PAUSED] 已暂停
    [ENDED] 已结束
   *[SUSPENDED] 已被停用
  }
app-pause = 暂停
app-resume = 恢复
app-stat-views = 优惠页打开
app-stat-purchases = 购买
app-stat-unitsSold = 售出份数
app-stat-redeemed = 已核销
app-stat-revenue = 收入
app-stat-refunds = 退款
app-stat-newCustomers = 新顾客
app-stat-returningCustomers = 回头客
app-stats-title = 数据
app-stats-chart-purchases = 购买
app-stats-chart-redemptions = 核销
app-stats-chart-caption = { $period }内每日的购买和核销
app-error-generic = 😕 我们这边出了点问题，请稍后再试。
app-error-network = 无法连接 Nearbuy，请检查网络后重试。
app-error-unauthorized = 此页面已过期。请关闭后从聊天中重新打开。
app-error-bad-request = 请检查这一项：{ $field }。
app-error-not-found = 它已不存在，或不属于你。

## Reviews
rating-short = ⭐ { $rating }（{ $count }）
card-reviews = ⭐ 评价（{ $count }）
voucher-review = ⭐ 评价这次消费
review-ask-stars = ⭐ <b>{ $shop }</b> 的 <b>{ $title }</b> 怎么样？点星星评价这次消费。
review-ask-quality = { $stars } 品质如何？可选：点一个分数或跳过。
review-ask-service = 服务如何？可选。
review-ask-value = 性价比如何？可选。
review-pick-score = 请点 1★ 到 5★，或跳过。
review-ask-text = 想对其他人说点什么？写几句话（最多 500 个字符），或跳过。
review-ask-photo = 📷 加张照片？最多 { $max } 张，或跳过。
review-ask-more-photos = 📷 已有 { $count }/{ $max } 张照片。再发一张，或点跳过完成。
review-photo-expected = 请发一张照片，或点跳过。
review-posted = ⭐ 谢谢！你的评价已发布。
review-see-shop = 🏪 店铺评价
review-sub-quality = 品质 { $n }/5
review-sub-service = 服务 { $n }/5
review-sub-value = 性价比 { $n }/5
review-on-deal = 🎟 { $title }
review-photo-count = 📷 { $count } 张照片
review-helpful-count = 👍 { $count } 人觉得有用
review-reply-line = 💬 商家回复：{ $reply }
shop-page-no-reviews = 还没有评价。
shop-page-rating = ⭐ <b>{ $rating }</b> · { $count } 条评价 · { $order }
shop-page-order-newest = 最新优先
shop-page-order-helpful = 最有用优先
shop-page-sort-newest = 🕘 最新优先
shop-page-sort-helpful = 👍 最有用优先
review-helpful-button = 👍 { $n }
review-photos-button = 📷 { $n }
review-reply-button = 💬 回复 { $n }
review-hide-button = 🚫 隐藏 { $n }
review-reply = 💬 回复
review-helpful-thanks = 👍 谢谢，已记录。
review-helpful-already = 你已经觉得这条评价有用了。
review-ask-reply = 💬 写下你的公开回复（只能回复一次，最多 300 个字符）：
review-reply-posted = 💬 你的回复已显示在评价下方。
review-ask-hide-reason = 🚫 为什么隐藏这条评价？作者会看到理由。
review-hidden-done = 🚫 评价 #{ $id } 已隐藏：不再计入任何地方，作者已收到理由。
review-new-notice =
    ⭐ <b>{ $shop }</b> 有新评价：
    { $review }
review-hidden-notice = 🚫 你对 <b>{ $shop }</b> 的 { $title } 的评价已被管理员隐藏：{ $reason }
review-replied-notice = 💬 <b>{ $shop }</b> 回复了你的评价：{ $reply }
form-name-review = 评价
form-name-reviewreply = 回复
form-name-reviewhide = 隐藏评价
error-review-already-replied = 这条评价已经回复过了：商家只能回复一次。
error-review-already-written = 你已经评价过这次消费了。
error-review-not-found = 这条评价已经不在了。
error-review-not-redeemed = 券在店里核销后才能评价这次消费。
error-review-too-many-photos = 最多 { $max } 张照片。
error-review-photo-failed = 照片暂时无法保存。请再试一次，或不带照片发布评价。
error-review-photo-refused = 照片须为 JPEG、PNG 或 WebP 格式，且不超过 { $mb } MB。
error-review-vote-own = 这是你自己的评价：只有其他读者可以标记为有用。
error-review-vote-own-shop = 这是对你自己店铺的评价：只有顾客可以标记为有用。
error-reward-cap-invalid = 请选择提供的上限之一。
error-reward-offer-invalid = 这个优惠不能作为奖励：它须是你在售或已暂停的优惠，且不是拼团优惠。
## Following shops, saved deals and reminders
cmd-saved = 收藏的优惠（♡）
cmd-following = 关注的店铺
cmd-reviews = 店铺评价：回复顾客
card-follow = ➕ 关注店铺
card-following = ✓ 已关注
card-save = ♡ 收藏
card-saved = ♥ 已收藏
follow-done = 已关注 { $shop }：无论你在哪里，它的新优惠都会推送给你。
unfollow-done = 已取消关注这家店。
unfollow-done-shop = 已取消关注 { $shop }。
save-done = ♥ 已收藏，见 /saved。快结束或快售罄时我会提醒你一次。
unsave-done = 已从收藏中移除。
unsave-not-saved = 这个优惠已不在你的收藏里。
following-empty = 你还没有关注任何店铺。在优惠卡片上点 ➕ 关注店铺，无论你在哪里都会收到它的新优惠。
following-header = 🏪 <b>关注的店铺</b>（{ $count }）。它们的新优惠会出现在你的推送里。
following-line = { $n }. <b>{ $shop }</b> · { $category } · { $offers ->
        [0] 暂无在售优惠
       *[other] { $offers } 个在售优惠
    }
following-open = { $n }. 优惠
following-unfollow = ✖ 取消关注 { $n }
following-shop-header = 🏪 <b>{ $shop }</b>
    📍 { $address }
    { $count ->
        [0] 暂无在售优惠：有新优惠时会推送给你。
       *[other] { $count } 个在售优惠：
    }
following-shop-line = { $n }. <b>{ $title }</b>：{ $price }{ $original }
following-back = ◀ 返回
following-unfollow-shop = ✖ 取消关注
saved-empty = ♡ 你还没有收藏优惠。在优惠卡片上点 ♡ 收藏，就会保存在这里。
saved-header = ♥ <b>收藏的优惠</b>（{ $count }）
saved-line = { $n }. <b>{ $title }</b>（{ $shop }）：{ $price }{ $original } · { $state }
saved-ends = 剩 { $left } 份，截至 { $ends }
saved-off-sale = 已下架
saved-remove = ✖ { $n }
saved-reminder-ending = ⏰ 你收藏的优惠快结束了：<b>{ $title }</b>（{ $shop }），截至 { $ends }（剩 { $left } 份）。
saved-reminder-few-left = ⏰ 你收藏的优惠快售罄了：<b>{ $title }</b>（{ $shop }），只剩 { $left } 份。
saved-reminder-open = 🛒 查看优惠
saved-list-button = ♥ 收藏的优惠
voucher-reminder-header = ⏰ 你有 { $count } 张券快过期了，还没使用：
voucher-reminder-line = • <code>{ $code }</code> { $title }（{ $shop }）：有效期至 { $expires }
voucher-reminders-stop = 🔕 不再提醒
voucher-reminders-start = 🔔 恢复提醒
voucher-reminders-off = 🔕 好的：不会再提醒你券快过期了。
voucher-reminders-on = 🔔 已恢复券到期提醒。
push-header-followed = 🔔 关注店铺的新优惠：{ $count } 个
push-line-followed = { $n }. <b>{ $title }</b>（{ $shop }）：{ $price }{ $original } · 来自你关注的店铺
push-following = 🏪 关注的店铺
error-not-following = 你（已）没有关注这家店。见 /following。
error-too-many-follows = 最多只能关注 { $max } 家店铺。请先在 /following 里取消关注一家。
error-too-many-saved = 最多只能收藏 { $max } 个优惠。请先在 /saved 里移除一个。
stats-followers = ➕ 关注者：{ $total }（本期新增 { $new }）
