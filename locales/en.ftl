## General
start-greeting =
    👋 Hi { $name }! I'm <b>Nearbuy</b>: the best deals in shops around you.

    Share your location and I'll show what's good nearby. Buy in the chat, get a voucher code, show it in the shop.

    Merchants: /register your shop, then post offers with /newdeal.
help =
    <b>Nearbuy</b> commands

    For everyone
    /nearby: deals around you
    /language: change the language
    /cancel: leave what you are doing

    For merchants
    /register: put your shop on the map
    /newdeal: post an offer
keyboard-share-location = 📍 Share location
generic-error = 😕 Something went wrong on our side. Please try again in a moment.
button-expired = This button is no longer valid. Please start again.
unknown-text = I didn't get that. Share your location to see deals nearby, or send /help.
cancelled = Cancelled. Nothing was saved.
nothing-to-cancel = There is nothing to cancel.
language-choose = Choose your language:
language-set = ✅ I'll speak English from now on.
close = ✖ Close
back = ◀ Back

## Commands menu
cmd-start = Start and share your location
cmd-nearby = Deals near you
cmd-language = Change language
cmd-help = What I can do
cmd-register = Register your shop
cmd-newdeal = Post an offer
cmd-cancel = Leave the current step

## Categories
category-all = All categories
category-food = 🍜 Food
category-cafe = ☕ Cafés & drinks
category-beauty = 💇 Beauty
category-fitness = 🏋️ Fitness
category-fun = 🎳 Fun
category-retail = 🛍 Shopping
category-services = 🧺 Services
category-hotel = 🏨 Hotels

## Nearby
nearby-ask-location = Share your location with the button below (or send a venue) and I'll show deals nearby.
nearby-header = 📍 <b>{ $count ->
        [one] 1 deal
       *[other] { $count } deals
    }</b> within { $radius } km · { $category }
nearby-header-nearest = 📍 The <b>{ $count } nearest deals</b> within { $radius } km · { $category }
nearby-page = Page { $page } of { $pages }
nearby-line = { $n }. <b>{ $title }</b>: { $price }{ $original } · { $distance }
nearby-line-discount = { " " }<s>{ $original }</s> −{ $percent }%
nearby-empty = 😶 No deals within { $radius } km · { $category }.
nearby-empty-wider = Try a wider radius:
nearby-pick-category = Pick a category:
nearby-category-button = 🏷 { $category }
nearby-prev = ◀ Previous
nearby-next = Next ▶
distance-m = { $m } m
distance-km = { $km } km

## Deal card
card-shop = 🏪 <b>{ $shop }</b> · { $category }
card-address = 📍 { $address }{ $distance }
card-hours = 🕘 { $hours }
card-price = 💰 <b>{ $price }</b>{ $original }
card-price-original = { " " }instead of <s>{ $original }</s> (−{ $percent }%)
card-stock = 📦 { $left } left · sale ends { $ends }
card-limit = Up to { $limit } per person · vouchers valid { $days } days after purchase
card-not-on-sale = ⛔ This offer is not on sale right now.
card-buy = 🛒 Buy
card-map = 📍 Show on map
buy-coming-soon = 🛒 Buying in the chat is coming soon. For now, visit the shop and mention Nearbuy.

## Forms
form-skip = Skip ⏭
form-cancel = ✖ Cancel
form-back = ◀ Back
form-left = (You left the { $form } form; nothing was saved.)
form-name-register = shop registration
form-name-newdeal = new offer
form-expects-text = Please answer with text.
form-expects-location = Please share the shop's location: tap 📎 → Location, or send "latitude, longitude".
form-expects-photo = Please send a photo, or tap Skip.
form-expects-button = Please use the buttons above.

## Register
register-name = 🏪 Let's put your shop on the map. What is its name? (up to 64 characters)
register-category = Which category fits best?
register-location = 📍 Where is it? Share its location (📎 → Location) or send "latitude, longitude".
register-address = ✉️ The street address, as customers should read it:
register-hours = 🕘 Opening hours (for example "Mon–Fri 9:00–21:00, Sat 10:00–18:00"):
register-done =
    ✅ <b>{ $name }</b> is registered. Post your first offer with /newdeal.
register-updated = ✅ Your shop's details are updated.
register-pending =
    ✅ <b>{ $name }</b> is registered and waits for an operator's approval. I'll tell you when it's done.
register-admin-notice = 🆕 New shop waiting for approval: <b>{ $name }</b> ({ $category }), { $address }, owner { $owner }.

## New deal
newdeal-title = 🏷 What's the offer? Give it a short title (up to 80 characters), e.g. "Two lattes for the price of one".
newdeal-description = 📝 Describe it (up to 500 characters), or tap Skip.
newdeal-photo = 📷 Send a photo of it, or tap Skip.
newdeal-price = 💰 The price customers pay, in { $currency } (e.g. 9.90; 0 for a free coupon):
newdeal-original = 🏷 The usual price, in { $currency } (not below { $price }):
newdeal-quantity = 📦 How many can be sold in all? (1–100000)
newdeal-limit = 👤 How many may one person buy? (1–{ $max }, or Skip for { $default })
newdeal-days = 📅 For how many days is it on sale? (1–365)
newdeal-voucher-days = 🎟 How many days is a voucher valid after purchase? (1–365, or Skip for { $default })
newdeal-preview-header = 👀 <b>Preview</b>: this is what customers will see.
newdeal-publish = ✅ Publish
newdeal-published = 🎉 Published! Customers within 25 km can find “{ $title }” now.
newdeal-discarded = Discarded. Nothing was published.

## Errors (codes from the domain)
error-bad-coordinates = 📍 Those coordinates are not valid: latitude must be between -90 and 90, longitude between -180 and 180, e.g. "31.2304, 121.4737".
error-empty = This can't be empty.
error-too-long = That's too long: at most { $max } characters, please.
error-not-a-number = Please send a whole number from { $min } to { $max }.
error-out-of-range = Please send a number from { $min } to { $max }.
error-bad-category = Please pick one of the categories.
error-bad-price = Please send a price like 12 or 12.50 ({ $decimals ->
        [0] no decimals
       *[other] at most { $decimals } decimals
    }), not negative.
error-original-not-positive = The usual price must be more than zero.
error-original-below-price = The usual price can't be lower than the price customers pay.
error-limit-above-quantity = One person can't buy more than the { $quantity } available.
error-register-line-format = Use: <code>/register Shop name | category | latitude,longitude | address</code>, with a category among: { $categories }. Or just send /register to be guided.
error-newdeal-line-format = Use: <code>/newdeal Title | price | original price | quantity | days</code>. Or just send /newdeal to be guided.
error-not-a-merchant = Only merchants can do this. Register your shop first with /register.
error-shop-pending = Your shop is still waiting for an operator's approval.
error-shop-not-approved = Your shop is not approved to post offers. Contact the operators.
error-deal-not-found = This offer doesn't exist any more.
error-no-location = I don't know where you are yet: share your location first.

## Merchant console: /mydeals, /stats, /export, /staff, /admin, daily summary
cmd-mydeals = Your offers: pause, resume, end, stock, price
cmd-stats = What your promotions brought in
cmd-export = Orders and redemptions as CSV
cmd-staff = Invite or remove staff
console-back = ◀ Back
error-staff-not-owner = Only the shop's owner can do this. As staff, you can redeem customers' vouchers.
error-shop-suspended = Your shop is suspended: its offers are hidden until an operator reinstates it.
error-not-your-deal = This offer belongs to another shop.
error-deal-ended = This offer has ended. Duplicate it to sell it again.
error-deal-not-on-sale = This offer is not on sale, so it can't be paused.
error-deal-not-paused = Only a paused offer can be resumed.
error-stock-below-taken = { $taken } are already sold or reserved: the total can't be lower than that.
error-shop-not-found = There is no such shop.
error-shop-status-changed = This shop's status has changed meanwhile (now: { $status }).
error-invite-invalid = This invitation link is not valid.
error-invite-used = This invitation link has already been used. Ask the owner for a new one.
error-invite-expired = This invitation link has expired. Ask the owner for a new one.
error-invite-own-shop = This is your own shop: you don't need an invitation.
error-staff-not-found = This person is no longer on your staff.
deal-status-active = ▶️ on sale
deal-status-paused = ⏸ paused
deal-status-ended = ⏹ ended
deal-status-suspended = ⛔ hidden (shop suspended)
mydeals-empty = You have no offers yet. Post one with /newdeal.
mydeals-header = 📋 <b>Your offers</b> ({ $count })
mydeals-line = { $n }. <b>{ $title }</b> · { $status } · { $sold } sold · { $left } left · { $revenue }
mydeals-more = Showing the { $shown } most recent.
mydeals-panel =
    Status: { $status }
    💰 { $price } (usual { $original })
    📦 { $left } left of { $quantity } · { $taken } sold or reserved
    🧾 { $sold } vouchers sold · { $revenue }
    📅 Sale ends { $ends }
mydeals-pause = ⏸ Pause
mydeals-resume = ▶️ Resume
mydeals-end = ⏹ End now
mydeals-stock = 📦 Stock
mydeals-price = 💰 Price
mydeals-ends = 📅 End date
mydeals-duplicate = 📄 Duplicate
mydeals-end-ask = End “{ $title }” now? It leaves search at once; vouchers already sold stay valid.
mydeals-end-confirm = ⏹ Yes, end it
mydeals-done-paused = Paused: it no longer shows in search.
mydeals-done-resumed = Back on sale.
mydeals-done-ended = Ended.
mydeals-done-duplicated = Copied. The copy is paused: adjust it, then Resume.
mydeals-saved = ✅ Saved.
mydeals-ask-stock = 📦 The new total quantity (now { $quantity }; { $taken } already sold or reserved, so at least that):
mydeals-ask-price = 💰 The new price in { $currency } (now { $price }, usual { $original }). Vouchers already sold keep their price.
mydeals-ask-days = 📅 For how many more days from now should it stay on sale? (1–365; now ends { $ends }) Vouchers already sold keep their own expiry.
form-name-dealstock = stock change
form-name-dealprice = price change
form-name-dealends = end date change
stats-header = 📊 <b>{ $name }</b> · { $period }
stats-period-today = Today
stats-period-7d = 7 days
stats-period-30d = 30 days
stats-period-all = All time
stats-funnel = 👀 Seen in lists: { $impressions } · cards opened: { $views } · pushes delivered: { $pushes }
stats-orders = 🧾 Invoices sent: { $invoices } · purchases: { $purchases } ({ $units } vouchers)
stats-revenue = 💰 Revenue: { $revenue } · refunds: { $refunds } ({ $refunded })
stats-redeemed = 🎟 Vouchers redeemed: { $redeemed } · redemption rate: { $rate }
stats-customers = 👥 Customers: { $new } new, { $returning } returning
stats-ratio = ⚖️ Discount given: { $discount } · revenue { $revenue } · return on discount: { $ratio }
stats-sources = <b>By source</b>
stats-source-line = { $channel }: { $impressions } seen · { $views } opened · { $pushes } pushed · { $purchases } bought · { $revenue }
stats-channel-nearby = 📍 Nearby
stats-channel-search = 🔎 Search
stats-channel-push = 🔔 Push
stats-channel-link = 🔗 Shared link
stats-channel-other = ❔ Other
stats-by-offer = 📋 By offer
stats-chart = 📈 Chart
stats-title-button = 📊 Stats
stats-pick-offer = Which offer?
chart-title = { $name }: the last 30 days
chart-purchases = Purchases
chart-redemptions = Redemptions
chart-caption = 📈 Last 30 days: { $purchases } purchases, { $redemptions } redemptions.
export-orders = 🧾 Orders: { $count }
export-redemptions = 🎟 Redemptions: { $count }
staff-header = 👥 Staff of <b>{ $name }</b> ({ $count }). They can redeem vouchers; they can't change offers or see revenue.
staff-none = 👥 <b>{ $name }</b> has no staff yet. Invite someone who redeems vouchers at the counter.
staff-invite = ➕ Invitation link
staff-remove = ✖ Remove { $name }
staff-removed = Removed.
staff-link = Send this link to the person (it works once, until { $expires }):
    { $link }
staff-joined = ✅ You're now staff of <b>{ $name }</b>: you can redeem customers' vouchers.
staff-joined-owner = 👥 { $name } joined your staff.
admin-only = This command is for operators.
admin-approve = ✅ Approve
admin-reject = ❌ Reject
admin-suspend = ⛔ Suspend
admin-reinstate = ♻️ Reinstate
admin-none-pending = No shop is waiting. Send <code>/admin shop-id</code> to suspend or reinstate a shop.
admin-pending-header = { $total } shops waiting (the { $shown } oldest below). Send <code>/admin shop-id</code> to suspend or reinstate a shop.
admin-shop-line = #{ $id } <b>{ $name }</b> ({ $category }), { $address } · { $status }
admin-shop-unknown = There is no shop with that id.
admin-done-approved = ✅ { $name } is approved.
admin-done-rejected = ❌ { $name } is rejected.
admin-done-suspended = ⛔ { $name } is suspended: its offers are hidden.
admin-done-reinstated = ♻️ { $name } is reinstated: its offers are back on sale.
shop-status-pending = waiting for approval
shop-status-approved = approved
shop-status-rejected = rejected
shop-status-suspended = suspended
owner-shop-approved = 🎉 <b>{ $name }</b> is approved. Post your first offer with /newdeal.
owner-shop-rejected = <b>{ $name }</b> was not approved. Contact the operators to know why.
owner-shop-suspended = ⛔ <b>{ $name }</b> is suspended: its offers are hidden. Contact the operators.
owner-shop-reinstated = ♻️ <b>{ $name }</b> is reinstated: its offers are back on sale.
summary-intro = 🌙 Your day in numbers.
summary-stop = 🔕 Stop daily summaries
summary-start = 🔔 Daily summaries again
summary-on = 🔔 You'll get a summary every evening.
summary-off = 🔕 No more daily summaries. /summary on brings them back.
summary-status-on = 🔔 Daily summaries are on. /summary off stops them.
summary-status-off = 🔕 Daily summaries are off. /summary on brings them back.
cmd-shop = Your shop's details
shop-details =
    🏪 <b>{ $name }</b> · { $category } · { $status }
    📍 { $address } ({ $lat }, { $lng })
    🕘 { $hours }
    📷 { $photo }
    { $summary }
shop-photo-set = photo set
shop-photo-none = no photo
shop-summary-on = 🔔 Daily summary: on
shop-summary-off = 🔕 Daily summary: off
shop-edit-name = ✏️ Name
shop-edit-category = 🏷 Category
shop-edit-location = 📍 Pin
shop-edit-address = ✉️ Address
shop-edit-hours = 🕘 Hours
shop-edit-photo = 📷 Photo
shop-photo-ask = 📷 Send a photo of the shop.
shop-expects-photo = Please send a photo.
form-name-shopname = shop name change
form-name-shopcategory = category change
form-name-shoplocation = pin change
form-name-shopaddress = address change
form-name-shophours = opening hours change
form-name-shopphoto = photo change
