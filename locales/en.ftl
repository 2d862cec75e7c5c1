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

## Search in plain words
search-understood = 🔎 I understood: { $query }
search-understood-nothing = everything nearby
search-price-cap = up to { $price }
search-discount = −{ $percent }% or more
search-party = 👥 { $size }
search-radius = within { $radius } km
search-when-now = 🕘 now
search-when-today = 🕘 today
search-when-tonight = 🕘 tonight
search-when-tomorrow = 🕘 tomorrow
search-when-weekend = 🕘 this weekend
search-header = 📍 Filtered search: <b>{ $matches }</b> of the { $searched } deals within { $radius } km · { $category }
search-header-nearest = 📍 Filtered search: <b>{ $matches }</b> of the { $searched } nearest deals within { $radius } km · { $category }
search-empty = 😶 None of the { $searched } deals within { $radius } km · { $category } match. Try a wider radius, or drop a filter.
search-empty-none = 😶 No deals within { $radius } km · { $category }. Try a wider radius.
search-ask-location = 📍 Share your location with the button below and I'll search around you.
search-too-long = That's a long message. Tell me in a few words what you're looking for (at most { $max } characters), e.g. "cheap hotpot for two under 150".
search-drop = ✖ { $filter }
search-everything = 📍 Everything nearby

## New deal from a description
newdeal-describe-hint = 💡 Or describe the whole offer in one message, e.g. "/newdeal Half-price lattes 2–5pm on weekdays, 50 cups, until the end of the month".
newdeal-drafted = ✍️ Here is a draft from your description. Check every field: nothing is published until you tap Publish.
newdeal-draft-by-hand = ✍️ I couldn't draft this automatically, so let's fill it in step by step. Your text is kept as the description.
newdeal-draft-by-hand-long = ✍️ I couldn't draft this automatically, so let's fill it in step by step.
newdeal-edit-title = ✏️ Title
newdeal-edit-description = ✏️ Description
newdeal-edit-photo = ✏️ Photo
newdeal-edit-price = ✏️ Price
newdeal-edit-original = ✏️ Usual price
newdeal-edit-quantity = ✏️ Quantity
newdeal-edit-limit = ✏️ Per person
newdeal-edit-days = ✏️ Days on sale
newdeal-edit-voucherDays = ✏️ Voucher days
error-describe-too-long = That's a long description: at most { $max } characters, please.
