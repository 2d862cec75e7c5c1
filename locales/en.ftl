## General
start-greeting =
    👋 Hi { $name }! I'm <b>Nearbuy</b>: the best deals in shops around you.

    Share your location and I'll show what's good nearby. Buy in the chat, get a voucher code, show it in the shop.

    Merchants: /register your shop, then post offers with /newdeal.
help =
    <b>Nearbuy</b> commands

    For everyone
    /nearby: deals around you
    /subscribe: get new deals near a place pushed to you
    /subscriptions: your places; /unsubscribe: stop all pushes
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

## Subscriptions and pushes
cmd-subscribe = New deals near a place, pushed to you
cmd-subscriptions = Your places and push settings
cmd-unsubscribe = Stop all pushes
form-name-subscribe = subscription
subscribe-place = 🔔 Which place should I watch for new deals? Share a location (📎 → Location), send "latitude, longitude", or use your last location.
subscribe-use-last = 📍 Use my last location
subscribe-expects-location = Please share the place's location: tap 📎 → Location, or send "latitude, longitude".
subscribe-saved = ✅ Subscribed! I'll push new deals near this place. Adjust it below.
subscription-label-home = Home
subscription-label-work = Work
subscription-label-other = Place
subscription-quiet-none = No quiet hours
subscription-settings =
    🔔 <b>{ $label }</b> · { $lat }, { $lng } ({ $zone })
    Radius: { $radius } km
    Categories: { $categories }
    At most { $max } { $max ->
        [one] push
       *[other] pushes
    } a day
    Quiet hours: { $quiet } (local time)
subscription-summary = { $label }: { $radius } km · { $categories } · ≤ { $max }/day · 🌙 { $quiet }
subscription-categories-button = 🏷 { $categories }
subscription-max-button = { $max } a day
subscription-delete = 🗑 Delete
subscription-all-places = ◀ All places
subscription-pick-categories = 🏷 Push deals of these categories (tap to turn on or off):
subscription-add = ➕ Add a place
subscription-stop-all = 🔕 Stop all
subscription-deleted = Deleted.
subscriptions-header = 🔔 Your places ({ $count }). Tap one to change it.
subscriptions-empty = You have no subscriptions yet. Add a place and I'll push new deals near it.
unsubscribed = 🔕 Done: no more pushes ({ $count } { $count ->
        [one] place
       *[other] places
    } removed). /subscribe starts again.
unsubscribe-nothing = You have no subscriptions, so there is nothing to stop.
push-header = 🔔 New near { $place }: { $count } { $count ->
        [one] deal
       *[other] deals
    }
push-line = { $n }. <b>{ $title }</b> at { $shop }: { $price }{ $original }{ $distance ->
        [none] {""}
       *[other] { " · " }{ $distance }
    }
push-stop = 🔕 Stop these
push-settings = ⚙️ Settings
push-stopped = 🔕 Stopped: no more pushes for { $count ->
        [one] this place
       *[other] these places
    }. /subscriptions shows what is left.
push-stopped-already = These pushes were already stopped. /subscriptions shows what is left.
error-subscription-not-found = This subscription doesn't exist any more. See /subscriptions.
error-too-many-subscriptions = You can watch at most { $max } places. Delete one in /subscriptions first.
error-bad-quiet-hours = Quiet hours must be times of day such as 22:00–08:00.
