## General
start-greeting =
    👋 { $name }，你好！我是 <b>Nearbuy 附近好价</b>：帮你发现身边商店的优惠。

    发送你的位置，我就告诉你附近有什么好价。在聊天里下单，拿到券码，到店出示即可。

    商家：用 /register 登记店铺，再用 /newdeal 发布优惠。
help =
    <b>Nearbuy</b> 命令

    所有人
    /nearby：附近的优惠
    /subscribe：订阅某个地点附近的新优惠推送
    /subscriptions：管理订阅的地点；/unsubscribe：停止所有推送
    /language：切换语言
    /cancel：退出当前操作

    商家
    /register：登记店铺
    /newdeal：发布优惠
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

## Commands menu
cmd-start = 开始并发送位置
cmd-nearby = 附近的优惠
cmd-language = 切换语言
cmd-help = 我能做什么
cmd-register = 登记店铺
cmd-newdeal = 发布优惠
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
nearby-page = 第 { $page } / { $pages } 页
nearby-line = { $n }. <b>{ $title }</b>：{ $price }{ $original } · { $distance }
nearby-line-discount = { " " }<s>{ $original }</s> 省 { $percent }%
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
card-stock = 📦 剩余 { $left } 份 · { $ends } 截止
card-limit = 每人限购 { $limit } 份 · 券码购买后 { $days } 天内有效
card-not-on-sale = ⛔ 该优惠目前不在售。
card-buy = 🛒 购买
card-map = 📍 查看地图
buy-coming-soon = 🛒 聊天内购买即将上线。目前请直接到店并提及 Nearbuy。

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
register-done =
    ✅ <b>{ $name }</b> 登记成功。用 /newdeal 发布第一个优惠吧。
register-updated = ✅ 店铺信息已更新。
register-pending =
    ✅ <b>{ $name }</b> 已登记，正在等待运营审核，审核完成后我会通知你。
register-admin-notice = 🆕 新店铺待审核：<b>{ $name }</b>（{ $category }），{ $address }，店主 { $owner }。

## New deal
newdeal-title = 🏷 是什么优惠？起个简短的标题（最多 80 个字符），例如“拿铁买一送一”。
newdeal-description = 📝 描述一下（最多 500 个字符），或点“跳过”。
newdeal-photo = 📷 发一张照片，或点“跳过”。
newdeal-price = 💰 顾客支付的价格（{ $currency }，例如 9.90；0 表示免费券）：
newdeal-original = 🏷 原价（{ $currency }，不低于 { $price }）：
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
error-bad-price = 请发送类似 12 或 12.50 的价格（{ $decimals ->
        [0] 不带小数
       *[other] 最多 { $decimals } 位小数
    }），不能为负数。
error-original-not-positive = 原价必须大于零。
error-original-below-price = 原价不能低于顾客支付的价格。
error-limit-above-quantity = 每人限购不能超过总数 { $quantity } 份。
error-register-line-format = 格式：<code>/register 店名 | 分类 | 纬度,经度 | 地址</code>，分类可选：{ $categories }。或只发送 /register 按步骤填写。
error-newdeal-line-format = 格式：<code>/newdeal 标题 | 价格 | 原价 | 数量 | 天数</code>。或只发送 /newdeal 按步骤填写。
error-not-a-merchant = 只有商家可以这样做。请先用 /register 登记店铺。
error-shop-pending = 你的店铺仍在等待运营审核。
error-shop-not-approved = 你的店铺未获准发布优惠，请联系运营。
error-deal-not-found = 这个优惠已不存在。
error-no-location = 我还不知道你在哪里：请先发送位置。

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
    免打扰：{ $quiet }（当地时间）
subscription-summary = { $label }：{ $radius } 公里 · { $categories } · 每天 ≤ { $max } 条 · 🌙 { $quiet }
subscription-categories-button = 🏷 { $categories }
subscription-max-button = 每天 { $max } 条
subscription-delete = 🗑 删除
subscription-all-places = ◀ 全部地点
subscription-pick-categories = 🏷 推送这些分类的优惠（点一下开启或关闭）：
subscription-add = ➕ 添加地点
subscription-stop-all = 🔕 全部停止
subscription-deleted = 已删除。
subscriptions-header = 🔔 你订阅的地点（{ $count } 个）。点一个进行修改。
subscriptions-empty = 你还没有订阅。添加一个地点，附近有新优惠时我会推送给你。
unsubscribed = 🔕 好的，不再推送（已删除 { $count } 个地点）。发送 /subscribe 可重新订阅。
unsubscribe-nothing = 你没有任何订阅，无需停止。
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
