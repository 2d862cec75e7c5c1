## General
start-greeting =
    👋 Hi { $name }! I'm <b>Nearbuy</b>: the best deals in shops around you.

    Share your location and I'll show what's good nearby. Buy in the chat, get a voucher code, show it in the shop.

    Merchants: /register your shop, then post offers with /newdeal.
help =
    <b>Nearbuy</b> commands

    For everyone
    /nearby: deals around you (or just write what you want, e.g. "pizza under 20")
    /mycodes: your vouchers, their QR codes, refunds
    /saved: the deals you saved (♡); /following: the shops you follow
    /subscribe: get new deals near a place pushed to you
    /subscriptions: your places; /unsubscribe: stop all pushes
    /language: change the language
    /cancel: leave what you are doing

    In a group (add me to it)
    /nearby: the deals near a member's pin, for everyone
    /vote: put the best of them to a poll; the winner is posted with Buy

    For merchants
    /register: put your shop on the map
    /newdeal: post an offer (guided, on one line, or described in your words)
    /mydeals: your offers: pause, resume, end, stock, price, duplicate
    /redeem CODE: redeem a customer's voucher (or scan its QR code)
    /stats: what each promotion brought in; /export: orders as CSV
    /reviews: your shop's reviews; reply once to each
    /shop: your shop's details; /staff: invite staff who can redeem
    /refunds: refunds you owe; /refunded ORDER once paid back
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
list-page = Page { $page } of { $pages }

## Commands menu
cmd-start = Start and share your location
cmd-nearby = Deals near you
cmd-group-nearby = Deals near a member's pin, for everyone
cmd-group-vote = Put the best deals nearby to a vote
cmd-language = Change language
cmd-help = What I can do
cmd-register = Register your shop
cmd-newdeal = Post an offer
cmd-mycodes = Your vouchers
cmd-redeem = Redeem a voucher (merchants)
cmd-refunds = Refunds to pay back (merchants)
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
nearby-line = { $n }. <b>{ $title }</b>: { $price }{ $original } · { $distance }{ $rating }
nearby-line-discount = { " " }<s>{ $original }</s> −{ $percent }%
nearby-line-discount-free = { " " }<s>{ $original }</s>
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
card-price-original-free = { " " }instead of <s>{ $original }</s>
card-stock = 📦 { $left } left · sale ends { $ends }
card-limit = Up to { $limit } per person · vouchers valid { $days ->
        [one] 1 day
       *[other] { $days } days
    } after purchase
card-not-on-sale = ⛔ This offer is not on sale right now.
card-buy = 🛒 Buy
card-map = 📍 Show on map
open-in-app = 🗺 Open in app
# Inline mode: a deal shared into any chat ("@bot deal:12", sent by the app's Share).
inline-share-title = { $title } · { $price }
inline-open-deal = 🛒 See the deal
inline-find-deals = 📍 Find deals near you
inline-share-location = 📍 Share a location to see deals near you
send-to-friend = 📤 Send to a friend
cmd-friends = What your shares brought
friends-none = 👥 You haven't shared a deal yet. Type <code>@{ $bot }</code> and a few words in any chat, or tap <b>📤 Send to a friend</b> on a deal, and the friends who come through it are counted here.
friends-brought = 👥 <b>Your shares</b>
    📤 Deals sent: { $sent }
    👀 Friends who opened one: { $visitors }
    🛒 Friends who bought: { $buyers }
    🎟 Friends who used their voucher: { $redeemers }
friends-share = 📤 Share a deal
friends-rewards = 🎁 Rewards shops gave you for them: { $rewards }
group-help = 👋 In a group I help you choose where to go together:
    /nearby — the deals near a pin, for everyone here
    /vote — the five best near the group's pin, to a poll
    Buying, vouchers and your own settings stay in our private chat.
group-help-open = 💬 Open the private chat
group-nearby-ask = 📍 Reply to this message with a location (📎 → Location) and I'll list the deals near it for everyone here.
group-nearby-header = 📍 <b>Deals near { $name }'s pin</b> (within { $radius } km)
group-nearby-private = Tap a number to open the deal in your private chat with me: buying and vouchers stay there.
group-nearby-empty = 😶 No deals within { $radius } km of that pin.
vote-ask = 🗳 Reply to this message with a location (📎 → Location) and I'll put the best deals near it to a vote.
vote-too-few = 😶 There aren't two deals within { $radius } km of that pin to vote on. Try another pin.
vote-question = 🗳 { $name } asks: which deal shall we go for? (near their pin, voting closes in { $minutes } min)
vote-option = { $title } · { $price }{ $discount }
vote-option-discount = { " " }−{ $percent }%
vote-close = 🔒 Close vote
vote-closed = 🔒 Vote closed: the result follows.
vote-close-not-allowed = Only the member who started this vote, or a group admin, can close it.
vote-close-already = This vote is closed already.
vote-close-unknown = This vote is no longer open.
vote-winner = 🏆 <b>The vote is in: { $title }</b> ({ $votes } of { $total } votes)
vote-winner-group = 👥 A group deal: vouchers activate when { $needed } people have bought. Invite friends to get there!
vote-winner-private = Tap Buy to continue in your private chat with me: payments and vouchers stay there.
vote-no-votes = 🗳 The vote closed without a single vote. Start another with /vote.

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
register-currency = 💱 Prices at this shop: { $name } ({ $code }), the currency where it stands. Keep it, pick another, or send a three-letter code such as EUR.
register-currency-chosen = 💱 Prices at this shop: { $name } ({ $code }), as you chose. Keep it, pick another, or send a three-letter code such as EUR.
register-currency-keep = ✅ Keep { $code }
register-done =
    ✅ <b>{ $name }</b> is registered. Post your first offer with /newdeal.
register-updated = ✅ Your shop's details are updated.
register-pending =
    ✅ <b>{ $name }</b> is registered and waits for an operator's approval. I'll tell you when it's done.
register-admin-notice = 🆕 New shop waiting for approval: <b>{ $name }</b> ({ $category }), { $address }, owner { $owner }.
register-admin-notice-again = 🔁 Registered again after a rejection, waiting for approval: <b>{ $name }</b> ({ $category }), { $address }, owner { $owner }.

## New deal
newdeal-title = 🏷 What's the offer? Give it a short title (up to 80 characters), e.g. "Two lattes for the price of one".
newdeal-description = 📝 Describe it (up to 500 characters), or tap Skip.
newdeal-photo = 📷 Send a photo of it, or tap Skip.
newdeal-price = 💰 The price customers pay, in { $currency } (e.g. { $example }; 0 for a free coupon):
newdeal-original = 🏷 The usual price, in { $currency } (above { $price }):
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
error-bad-currency = That's not a currency code I know. Send three letters such as USD, EUR or CNY, or tap a button.
error-currency-not-payable = Telegram takes no payments in { $code }. Pick a currency it takes, such as USD or EUR, or tap a button.
error-bad-price = Please send a price like { $decimals ->
        [0] { $example } (no decimals)
       *[other] 12 or { $example } (at most { $decimals } decimals)
    }, not negative.
error-original-not-positive = The usual price must be more than zero.
error-original-below-price = The usual price must be above the price customers pay.
error-limit-above-quantity = One person can't buy more than the { $quantity } available.
error-register-line-format = Use: <code>/register Shop name | category | latitude,longitude | address</code>, with a category among: { $categories }. Or just send /register to be guided.
newdeal-line-wrong = ✏️ In your line, the { $field } is not right: { $reason } I kept the rest.
newdeal-line-title = title
newdeal-line-price = price
newdeal-line-original = usual price
newdeal-line-quantity = quantity
newdeal-line-days = number of days on sale
error-newdeal-line-format = Use: <code>/newdeal Title | price | original price | quantity | days</code>. Or just send /newdeal to be guided.
error-not-a-merchant = Only merchants can do this. Register your shop first with /register.
error-shop-pending = Your shop is still waiting for an operator's approval.
error-shop-not-approved = Your shop is not approved to post offers. Contact the operators.
error-deal-not-found = This offer doesn't exist any more.
error-share-rate-limited = You have sent many deals from the app this hour: this one goes through the chat's share instead.
error-no-location = I don't know where you are yet: share your location first.
error-location-needed = 📍 I need the place on the map, not its address: tap 📎 → Location and drop the pin on it, or send its coordinates, e.g. "31.2304, 121.4737" (a map app shows them when you long-press the place).

## Checkout and vouchers
card-refund-anytime = ↩️ Refund any time while unused
card-refund-on-expiry = ↩️ Unused vouchers are refunded when they expire
card-refund-none = ⚠️ No refunds
card-group = 👥 Group deal: vouchers activate when { $needed } people have bought ({ $sofar } so far); their validity starts then
group-invite = 👥 Invite friends
newdeal-refund = ↩️ Refund policy? (Skip: refund any time while unused)
refund-policy-anytime = Refund any time while unused
refund-policy-on-expiry = Refund unused vouchers on expiry
refund-policy-none = No refunds
newdeal-group = 👥 Group deal? Send the minimum number of buyers (2–{ $max }): vouchers activate once that many people have bought. Skip for a normal offer.
buy-how-many = 🛒 { $title }: how many? (up to { $max })
invoice-description = { $title } at { $shop }. You get a voucher code to show in the shop.
invoice-pay = 💳 Pay { $total }
invoice-cancel = ✖️ Cancel
invoice-held = ⏳ Your units are held for { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } while you pay.
invoice-refused = 😕 This offer can't be paid in the chat right now (the payment provider refused the invoice). Nothing was charged.
invoice-cancelled = Cancelled: the units are back on sale.
invoice-not-open = This invoice is no longer open.
payment-unmatched = ⚠️ We received your payment but couldn't match it to an open order. Nothing is lost: it will be refunded. Reference: <code>{ $charge }</code>
payment-stray-owner = ⚠️ Order #{ $order } (<b>{ $title }</b>) was paid a second time, { $total }, and nothing was issued for that payment. Pay it back to the buyer through your payment provider (charge <code>{ $charge }</code>).
payment-stray-operator = ⚠️ A payment of { $total } from user { $buyer } matched no open order of theirs (invoice payload <code>{ $payload }</code>), and nothing was issued for it. Pay it back through the payment provider (Telegram charge <code>{ $charge }</code>, provider charge <code>{ $provider }</code>).
payment-sold-out = 😕 <b>{ $title }</b> sold out while you were paying. The shop will refund your { $total }; you'll get a message when it's done.
payment-over-limit = 😕 This payment for <b>{ $title }</b> arrived after its invoice was cancelled or expired, and you already have the most one person can buy ({ $limit }). The shop will refund your { $total }; you'll get a message when it's done.
payment-off-sale = 😕 <b>{ $title }</b> was taken off sale while you were paying. The shop will refund your { $total }; you'll get a message when it's done.
order-paid-part = ✅ Payment received: { $quantity } × <b>{ $title }</b>, { $total } (order #{ $order }). It arrived after its invoice was cancelled or expired, and only { $honoured } could still be sold to you: { $honoured ->
        [one] your voucher is below
       *[other] your vouchers are below
    }. The shop will refund the other { $refunded }, { $refund }; you'll get a message when it's done.
price-free = free
order-paid = ✅ Payment received: { $quantity } × <b>{ $title }</b>, { $total } (order #{ $order }).
order-claimed = ✅ Claimed: { $quantity } × <b>{ $title }</b>, { $total } (order #{ $order }).
order-codes = 🎟 Your { $count } voucher codes (their QR codes are above, and each is in /mycodes too):
group-pending = ⏳ <b>{ $title }</b> is a group deal: your vouchers activate when { $needed } people have bought ({ $sofar } so far). Invite friends to get there sooner!
group-reached = 🎉 The group deal <b>{ $title }</b> reached { $needed } buyers: your vouchers are active now. See /mycodes.
voucher-list = 🎟 My vouchers
voucher-code = Code: <code>{ $code }</code>
voucher-shop = 🏪 { $shop } · { $address }
voucher-how-to-use = Show this QR code (or tell the code) at the shop.
voucher-state-active = valid until { $until }
voucher-state-pending = waiting for { $needed } buyers
voucher-state-redeemed = redeemed { $when }
voucher-state-refunded = refunded
voucher-state-refund-requested = refund requested
voucher-state-expired = expired { $when }
mycodes-empty = 🎟 You have no vouchers yet. Share your location to find a deal!
mycodes-header = 🎟 <b>Your vouchers</b> ({ $total }) · page { $page }/{ $pages }
voucher-refund = ↩️ Refund
refund-how-many = ↩️ How many of your { $count } unused vouchers of <b>{ $title }</b> (order #{ $order }) do you want to refund? { $price } each.
refund-confirm = ↩️ Refund { $count ->
    [one] 1 unused voucher
   *[other] { $count } unused vouchers
  } of <b>{ $title }</b> (order #{ $order }) for { $amount }? { $count ->
    [one] This code stops
   *[other] These codes stop
  } working at once:
refund-yes = Yes, refund
refund-no = No, keep them
refund-requested = ↩️ Refund requested for order #{ $order }: { $shop } will pay { $amount } back through the payment provider. You'll get a message when it's done.
refund-done-free = ↩️ Done: { $count ->
    [one] 1 voucher
   *[other] { $count } vouchers
  } of order #{ $order } cancelled.
refund-due-merchant = ↩️ Refund due: order #{ $order }, <b>{ $title }</b>, { $amount }. Pay it back through your payment provider (charge <code>{ $charge }</code>), then tap the button or send <code>/refunded { $order }</code>.
refund-mark-done = ✅ Mark as refunded
refund-paid-notice = ✅ The shop refunded { $amount } for order #{ $order } (<b>{ $title }</b>).
refund-expired-notice = ↩️ { $count ->
        [one] Your unused voucher for <b>{ $title }</b> expired
       *[other] Your { $count } unused vouchers for <b>{ $title }</b> expired
    }: { $amount } will be refunded by the shop.
group-failed-notice = 😕 The group deal <b>{ $title }</b> ended without reaching { $needed } buyers. Your order is cancelled and { $amount } will be refunded.
refunds-none = No refunds are due. 👍
refunds-header = ↩️ <b>Refunds due</b> ({ $count }): pay each back through your payment provider, then tap its button.
refunds-line = #{ $order } · <b>{ $title }</b> · { $amount } · charge <code>{ $charge }</code>
refunded-usage = Send <code>/refunded ORDER</code> with the order number, e.g. <code>/refunded 12</code>.
refunded-done = ✅ Order #{ $order } marked as refunded ({ $amount }). The buyer has been told.
redeem-usage = Send <code>/redeem</code> followed by the customer's code, e.g. <code>/redeem 7KQ2-M9XD-4HT3</code>. Or scan the customer's QR code with your phone's camera.
redeem-done = ✅ Redeemed <code>{ $code }</code>: <b>{ $title }</b>, { $quantity } voucher ({ $price }) from order #{ $order } of { $ordered }, bought by { $buyer }.
redeem-already = ⚠️ <code>{ $code }</code> (<b>{ $title }</b>) was already redeemed on { $when }.
redeem-group-pending = ⏳ <code>{ $code }</code> (<b>{ $title }</b>) is not valid yet: the group deal needs { $needed } buyers.
redeem-refunded = ⛔ <code>{ $code }</code> (<b>{ $title }</b>) was refunded and is not valid.
redeem-expired = ⌛ <code>{ $code }</code> (<b>{ $title }</b>) expired on { $when }.
redeem-confirm = 🎟 Redeem <code>{ $code }</code>: <b>{ $title }</b> ({ $price }), bought by { $buyer }?
redeem-confirm-yes = ✅ Redeem
voucher-redeemed-notice = ✅ Your voucher <code>{ $code }</code> for <b>{ $title }</b> was redeemed at { $shop }. Enjoy!
referral-reward-notice = 🎁 A friend you sent <b>{ $title }</b> used their voucher at { $shop }. Thank you! { $shop } gives you a free voucher for <b>{ $reward }</b>: here it is.
voucher-link-not-staff = 🎟 This is a Nearbuy voucher. Only the shop that sold it can redeem it: show it there.
error-deal-sold-out = 😕 Sold out.
error-deal-not-on-sale = This offer is not on sale any more.
error-limit-reached = You already have the most one person can buy of this offer ({ $limit }).
error-quantity-unavailable = Only { $max } can be bought now. Please pick again.
error-quantity-invalid = Pick how many, from 1 to { $max }.
error-payments-off = 💳 Payments are not set up on this bot yet: only free coupons can be claimed.
error-order-unknown = This invoice doesn't belong to an order of yours.
error-order-already-paid = This order is already paid: see /mycodes.
error-order-expired = This invoice expired and its units went back on sale. Tap Buy again.
error-order-amount-changed = The amount doesn't match the order. Tap Buy again.
error-code-malformed = A voucher code has 12 letters and digits, like 7KQ2-M9XD-4HT3. Please check it.
error-code-typo = That code has a typo: one symbol is wrong or two are swapped. Please check it.
error-code-unknown = No voucher of your shop has this code.
error-not-a-redeemer = Only a shop's owner (or staff) can redeem vouchers.
error-redeem-shop-suspended = The shop is suspended: vouchers can't be redeemed until an operator reinstates it. The customer's voucher stays valid.
error-redeem-rate-limited = Too many wrong codes. Please wait { $minutes } minutes.
error-redeem-confirmation-invalid = This confirmation is no longer valid. Scan the customer's QR code again, or type the code with /redeem.
error-voucher-not-found = This voucher isn't yours or no longer exists.
error-refund-not-allowed = This voucher can't be refunded (used, expired, or the offer has no refunds).
error-refund-not-due = Order #{ $order } has no refund due from your shop.
error-bad-refund-policy = Please pick one of the refund policies.
## Search in plain words
search-understood = 🔎 I understood: { $query }
search-understood-nothing = everything nearby
search-price-cap = up to { $price }
search-price-cap-per-person = up to { $price } a person
search-price-cap-party = up to { $price } a person, { $total } for { $size }
search-discount = −{ $percent }% or more
search-party = 👥 { $size }
search-radius = within { $distance }
search-when-now = 🕘 now
search-when-today = 🕘 today
search-when-tonight = 🕘 tonight
search-when-tomorrow = 🕘 tomorrow
search-when-weekend = 🕘 this weekend
search-header = 📍 Filtered search: { $searched ->
        [one] <b>{ $matches }</b> of the one deal
       *[other] <b>{ $matches }</b> of the { $searched } deals
    } within { $radius } km · { $category }
search-header-nearest = 📍 Filtered search: <b>{ $matches }</b> of the { $searched } nearest deals within { $radius } km · { $category }
search-empty = 😶 { $searched ->
        [one] The one deal within { $radius } km · { $category } doesn't match.
       *[other] None of the { $searched } deals within { $radius } km · { $category } match.
    } Try a wider radius, or drop a filter.
search-empty-none = 😶 No deals within { $radius } km · { $category }. Try a wider radius.
search-ask-location = 📍 Share your location with the button below and I'll search around you.
search-too-long = That's a long message. Tell me in a few words what you're looking for (at most { $max } characters), e.g. "cheap hotpot for two under 150".
search-drop = ✖ { $filter }
search-small-talk-greeting = 👋 Hi { $name }! Share your location and I'll show the deals nearby, or tell me what you're looking for, e.g. "hotpot for two under 150". /help lists everything I can do.
search-small-talk-thanks = 😊 You're welcome! Write again whenever you're looking for a deal.
search-everything = 📍 Everything nearby

## New deal from a description
newdeal-describe-hint = 💡 Or describe the whole offer in one message, e.g. "/newdeal Half-price lattes 2–5pm on weekdays, 50 cups, until the end of the month".
newdeal-describe-hint-numbers = 💡 Or describe the offer in one message, e.g. "/newdeal Lattes 15 instead of 30 on weekday afternoons, 50 cups, until the end of the month": I'll pick out the prices, the quantity and the dates, and ask for the rest.
newdeal-drafted = ✍️ Here is a draft from your description. Check every field: nothing is published until you tap Publish.
newdeal-draft-by-hand = ✍️ I couldn't draft this automatically, so let's fill it in step by step. Your text is kept as the description.
newdeal-draft-by-hand-long = ✍️ I couldn't draft this automatically, so let's fill it in step by step.
newdeal-draft-parsed = ✍️ From your text I read: { $fields }. Let's fill in the rest step by step; your text is kept as the description.
newdeal-draft-parsed-long = ✍️ From your text I read: { $fields }. Let's fill in the rest step by step.
newdeal-read-price = price { $price }
newdeal-read-original = usual price { $price }
newdeal-read-quantity = { $quantity } in all
newdeal-read-days = { $days ->
        [one] 1 day
       *[other] { $days } days
    } on sale
newdeal-edit-title = ✏️ Title
newdeal-edit-description = ✏️ Description
newdeal-edit-photo = ✏️ Photo
newdeal-edit-price = ✏️ Price
newdeal-edit-original = ✏️ Usual price
newdeal-edit-quantity = ✏️ Quantity
newdeal-edit-limit = ✏️ Per person
newdeal-edit-days = ✏️ Days on sale
newdeal-edit-voucherDays = ✏️ Voucher days
newdeal-edit-refund = ✏️ Refunds
newdeal-edit-group = ✏️ Group deal
error-describe-too-long = That's a long description: at most { $max } characters, please.
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
error-deal-not-pausable = This offer is not on sale, so it can't be paused.
error-deal-not-paused = Only a paused offer can be resumed.
error-stock-below-taken = { $taken } are already sold or reserved: the total can't be lower than that.
error-shop-not-found = There is no such shop.
error-shop-status-changed = This shop's status has changed meanwhile (now: { $status }).
error-invite-invalid = This invitation link is not valid.
error-invite-used = This invitation link has already been used. Ask the owner for a new one.
error-invite-expired = This invitation link has expired. Ask the owner for a new one.
error-invite-own-shop = This is your own shop: you don't need an invitation.
error-invite-already-staff = You're already on this shop's staff. The link stays unused, for whoever it was meant for.
error-invite-shop-unavailable = This shop can't take on staff right now. The link stays valid until it expires: try again later.
error-staff-not-found = This person is no longer on your staff.
deal-status-active = ▶️ on sale
deal-status-paused = ⏸ paused
deal-status-ended = ⏹ ended
deal-status-suspended = ⛔ hidden (shop suspended)
mydeals-empty = You have no offers yet. Post one with /newdeal.
mydeals-header = 📋 <b>Your offers</b> ({ $count })
mydeals-line = { $n }. <b>{ $title }</b> · { $status } · { $sold } sold · { $left } left · { $revenue } in sales
mydeals-panel =
    Status: { $status }
    💰 { $price } (usual { $original })
    📦 { $left } left of { $quantity } · { $taken } sold or reserved
    🧾 { $sold ->
        [one] 1 voucher sold
       *[other] { $sold } vouchers sold
    } · { $revenue }
    📅 Sale ends { $ends }
mydeals-pause = ⏸ Pause
mydeals-resume = ▶️ Resume
mydeals-end = ⏹ End now
mydeals-stock = 📦 Stock
mydeals-price = 💰 Price
mydeals-original = 🏷 Usual price
mydeals-title = ✏️ Title
mydeals-description = 📝 Description
mydeals-photo = 📷 Photo
mydeals-ends = 📅 End date
mydeals-duplicate = 📄 Duplicate
mydeals-end-ask = End “{ $title }” now? It leaves search at once; vouchers already sold stay valid.
mydeals-end-confirm = ⏹ Yes, end it
mydeals-done-paused = Paused: it no longer shows in search.
mydeals-done-resumed = Back on sale.
mydeals-done-ended = Ended.
mydeals-done-duplicated = Copied. The copy is paused: adjust it, then Resume.
mydeals-saved = ✅ Saved.
referral-button = 🎁 Referral reward
referral-screen =
    🎁 <b>Referral reward: { $title }</b>
    When a friend redeems a voucher they got through someone's share of this offer, the one who shared it gets a free voucher that you fund (it counts as discount given in /stats). Once per friend; never for sharing with oneself, nor for a friend who was already your customer.
referral-now-off = Now: off.
referral-now-on = Now: a free voucher for <b>{ $reward }</b> (usual price { $value }).
referral-cap = Cap: { $cap } { $period ->
        [month] a month · { $given } given this month
       *[total] in total · { $given } given so far
    }
referral-off = Off
referral-same = This offer
referral-other = Another offer
referral-period-month = A month
referral-period-total = In total
referral-pick = 🎁 Which offer's voucher does the sharer get for a friend's redemption of <b>{ $title }</b>?
referral-pick-none = You have no other offer that can be a reward: it must be on sale or paused, and not a group deal.
mydeals-ask-stock = 📦 The new total quantity (now { $quantity }; { $taken } already sold or reserved, so at least that):
mydeals-ask-price = 💰 The new price in { $currency } (now { $price }, usual { $original }). Vouchers already sold keep their price.
mydeals-free-ask = 🆓 Make “{ $title }” free? Customers will get its vouchers without paying. Vouchers already sold keep their price.
mydeals-free-confirm = 🆓 Yes, make it free
mydeals-ask-original = 🏷 The new usual price in { $currency } (now { $original }; above the price, { $price }). Vouchers already sold keep theirs.
mydeals-ask-title = ✏️ The new title (up to 80 characters; now “{ $title }”). Vouchers already sold keep the title they were bought under.
mydeals-ask-description = 📝 The new description (up to 500 characters):
mydeals-ask-photo = 📷 Send the new photo of the offer.
mydeals-ask-days = 📅 For how many more days from now should it stay on sale? (1–365; now ends { $ends }) Vouchers already sold keep their own expiry.
form-name-dealstock = stock change
form-name-dealprice = price change
form-name-dealoriginal = usual price change
form-name-dealtitle = title change
form-name-dealdescription = description change
form-name-dealphoto = photo change
form-name-dealends = end date change
stats-header = 📊 <b>{ $name }</b> · { $period }
stats-period-today = Today
stats-period-7d = 7 days
stats-period-30d = 30 days
stats-period-all = All time
stats-funnel = 👀 Seen in lists: { $impressions } · cards opened: { $views } · pushes delivered: { $pushes }
stats-orders = 🧾 Invoices sent: { $invoices } · purchases: { $purchases } ({ $units ->
        [one] 1 voucher
       *[other] { $units } vouchers
    })
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
stats-channel-friends = 👥 Friends
stats-source-friends = { $channel }: { $shares } shared · { $views } opened · { $purchases } bought · { $redeemed } redeemed · { $revenue }
stats-source-rewards = 🎁 Rewards given to sharers: { $count } · worth { $cost }
stats-channel-other = ❔ Other
stats-by-offer = 📋 By offer
stats-chart = 📈 Chart
stats-title-button = 📊 Stats
stats-pick-offer = Which offer?
chart-caption = 📈 { $name }: the last 30 days
    🟦 { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · 🟩 { $redemptions ->
        [one] 1 redemption
       *[other] { $redemptions } redemptions
    }
export-orders = 🧾 Orders: { $count }
export-redemptions = 🎟 Redemptions: { $count }
export-column-order = order
export-column-created = created ({ $zone })
export-column-status = status
export-column-paid = paid ({ $zone })
export-column-refunded = refunded ({ $zone })
export-column-offer = offer
export-column-offer-title = offer title
export-column-customer = customer
export-column-quantity = quantity
export-column-unit-price = unit price
export-column-usual-price = usual unit price
export-column-total = total
export-column-currency = currency
export-column-source = source
export-column-voucher = voucher
export-column-code = code
export-column-redeemed = redeemed ({ $zone })
export-column-price-paid = price paid
export-column-discount = discount given
export-reviews = ⭐ Reviews: { $count }
stats-rating = ⭐ Rating { $rating } from { $count ->
    [one] 1 review
   *[other] { $count } reviews
}{ $change }
stats-rating-change = { " " }({ $change } on the period before)
export-column-written = written ({ $zone })
export-column-stars = stars
export-column-quality = quality
export-column-service = service
export-column-value = value
export-column-text = text
export-column-photos = photos
export-column-helpful = helpful votes
export-column-reply = owner's reply
export-column-hidden = hidden
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
admin-pending-header = { $total ->
    [one] One shop is waiting
   *[other] { $total } shops are waiting
  }, oldest first: tap its number to approve or reject it. Send <code>/admin shop-id</code> to suspend or reinstate a shop.
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
    Quiet hours: { $quiet ->
        [none] none
       *[other] { $quiet } (local time)
    }
subscription-summary = { $label }: { $radius } km · { $categories } · ≤ { $max }/day · { $quiet ->
        [none] 🔔 no quiet hours
       *[other] 🌙 { $quiet }
    }
subscription-categories-button = 🏷 { $categories }
subscription-max-button = { $max } a day
subscription-quiet-other = 🌙 Other times…
subscription-quiet-ask = 🌙 When should I keep quiet about this place? Send two local times, such as 22:30–07:00, or "none".
subscription-quiet-saved = ✅ Quiet hours saved.
form-name-quiethours = quiet hours
subscription-move = 📍 Move
subscribe-move-place = 📍 Where should this place be now? Share a location (📎 → Location), send "latitude, longitude", or use your last location. Its settings stay.
subscription-moved = ✅ Moved. Its settings are the same; quiet hours now follow the new place's clock.
subscription-delete = 🗑 Delete
subscription-all-places = ◀ All places
subscription-pick-categories = 🏷 Push deals of these categories (tap to turn on or off):
subscription-add = ➕ Add a place
subscription-stop-all = 🔕 Stop all
subscription-deleted = Deleted.
subscriptions-header = 🔔 Your places ({ $count }). Tap one to change it.
subscriptions-empty = You have no subscriptions yet. Add a place and I'll push new deals near it.
unsubscribed = 🔕 Done: no more pushes ({ $places } { $places ->
        [one] place
       *[other] places
    } removed{ $shops ->
        [0] {""}
        [one] , 1 shop unfollowed
       *[other] , { $shops } shops unfollowed
    }). /subscribe starts again.
unsubscribe-nothing = You have no subscriptions and follow no shop, so there is nothing to stop.
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

## The Mini App (web/): its screens, and the API's own refusals
app-follow = ➕ Follow shop
app-following = ✓ Following
app-save = ♡ Save
app-saved = ♥ Saved
app-tab-deals = Deals
app-tab-vouchers = My vouchers
app-tab-shop = My shop
app-tab-saved = ♡ Saved
app-tab-following = Following
app-saved-title = Saved deals
app-saved-none = Nothing saved yet. Tap ♡ Save on a deal to keep it here.
app-saved-off-sale = No longer on sale
app-following-title = Shops you follow
app-following-none = You follow no shop yet. Tap ➕ Follow shop on a deal: its new offers then reach you here and in your pushes.
app-following-on-sale = { $count ->
    [0] No offers on sale now
    [one] 1 offer on sale
   *[other] { $count } offers on sale
  }
app-unsave = Remove
app-unfollow = Unfollow
app-rate-visit = ⭐ Rate this visit
app-reviewed = ✓ Reviewed ★{ $stars }
app-review-form-title = Rate your visit
app-review-stars = Your rating
app-review-stars-label = { $n ->
    [one] 1 star
   *[other] { $n } stars
  }
app-review-pick-stars = Please pick 1 to 5 stars first.
app-review-details = More detail (optional)
app-review-sub-quality = Taste / quality
app-review-sub-service = Service
app-review-sub-value = Value for money
app-review-text = Tell others about it (optional)
app-review-text-placeholder = What was good, what wasn't…
app-review-text-count = { $count }/{ $max }
app-review-photos = Photos (optional, up to { $max })
app-review-add-photo = 📷 Add photos
app-review-remove-photo = Remove this photo
app-review-photo-unreadable = This file isn't a photo the app can read: choose a JPEG, PNG or WebP image.
app-review-submit = Post review
app-review-posted = ⭐ Thank you! Your review is posted.
app-review-see-shop = 🏪 See the shop's reviews
app-back = Back
app-deals-title = Deals around you
app-deals-none = No deals here. Move the map, widen the radius or clear the filters.
app-search-placeholder = Search: "coffee under 5", "haircut"…
app-filter-radius = Radius
app-filter-category = Category
app-filter-max-price = Max price
app-distance-m = { $m } m
app-distance-km = { $km } km
app-location-prompt = Where are you? Share your location to see the deals around you, or move the map by hand.
app-location-share = 📍 Share my location
app-location-denied = Location is not available. Move the map to where you want to look.
app-deal-title = Deal
app-deal-category = Category
app-deal-stock = Left
app-deal-ends = Sale ends
app-deal-limit = Per person
app-deal-refunds = Refunds
app-shop-hours = Open: { $hours }
app-shop-route = 🧭 Route to the shop
app-shop-reviews = { $rating } · see the reviews
app-shop-open = 🏪 The shop's page
app-rating = ⭐ { $rating } ({ $count })
app-shop-page-title = Shop
app-shop-offers = Offers on sale
app-shop-offers-none = No offers right now.
app-reviews-title = Reviews
app-reviews-none = No reviews yet.
app-reviews-sort-newest = 🕘 Newest first
app-reviews-sort-helpful = 👍 Most helpful first
app-review-quality = Quality { $n }/5
app-review-service = Service { $n }/5
app-review-value = Value { $n }/5
app-review-helpful = 👍 Helpful ({ $count })
app-review-reply = 💬 Owner's reply: { $reply }
app-buy-quantity = Quantity
app-buy = Buy
app-buy-for = Buy · { $price }
app-buy-failed = The payment did not go through. Nothing was charged; you can try again.
app-buy-pending = The payment is pending: once it goes through, the voucher appears in My vouchers.
app-share = 📤 Send to a friend
app-share-sent = ✅ Sent! Friends who come through it count for you (/friends).
app-share-cancelled = Not sent.
app-vouchers-title = My vouchers
app-vouchers-none = No vouchers yet. Buy a deal and its voucher appears here.
app-voucher-state = { $state ->
    [PENDING] Being issued
    [ACTIVE] Ready to use: show this code at the shop
    [REDEEMED] Used
    [EXPIRED] Expired
   *[REFUNDED] Refunded
  }
app-voucher-expires = Valid until { $date }
app-refund = Ask for a refund
app-refund-confirm = Refund this voucher? It can't be used afterwards.
app-shop-title = My shop
app-scan = Scan a voucher
app-scan-hint = Point the camera at the customer's QR code
app-redeem-ask = Redeem { $code } ({ $title })?
app-redeem-confirm = Redeem
app-redeem-outcome = { $outcome ->
    [redeemed] ✅ Redeemed.
    [already-redeemed] This voucher was already used.
    [group-pending] This group deal has not reached its buyers yet: the voucher can't be used until it does.
    [refunded] This voucher was refunded: it can't be used.
   *[expired] This voucher has expired.
  }
app-cancel = Cancel
app-offers-title = Offers
app-offers-none = No offers yet: post one with /newdeal in the chat.
app-offer-status = { $status ->
    [ACTIVE] On sale
    [PAUSED] Paused
    [ENDED] Ended
   *[SUSPENDED] Suspended
  }
app-pause = Pause
app-resume = Resume
app-stat-views = Deal pages opened
app-stat-purchases = Purchases
app-stat-unitsSold = Units sold
app-stat-redeemed = Vouchers redeemed
app-stat-revenue = Revenue
app-stat-refunds = Refunds
app-stat-newCustomers = New customers
app-stat-returningCustomers = Returning customers
app-stats-title = Numbers
app-stats-chart-purchases = Purchases
app-stats-chart-redemptions = Redemptions
app-stats-chart-caption = Purchases and redemptions per day over { $period }
app-error-generic = 😕 Something went wrong on our side. Please try again in a moment.
app-error-network = No connection to Nearbuy. Check the network and try again.
app-error-unauthorized = This page has expired. Close it and open the app again from the chat.
app-error-bad-request = Please check this field: { $field }.
app-error-not-found = This doesn't exist any more, or it isn't yours.

## Reviews
rating-short = ⭐ { $rating } ({ $count })
card-reviews = ⭐ Reviews ({ $count })
voucher-review = ⭐ Review this visit
review-ask-stars = ⭐ How was <b>{ $title }</b> at <b>{ $shop }</b>? Tap the stars to review your visit.
review-ask-quality = { $stars } How was the quality? Optional: tap a score or Skip.
review-ask-service = How was the service? Optional.
review-ask-value = And the value for money? Optional.
review-pick-score = Please tap 1★ to 5★, or Skip.
review-ask-text = Anything to tell others? Write a few words (up to 500 characters), or Skip.
review-ask-photo = 📷 Add a photo? Send up to { $max }, or Skip.
review-ask-more-photos = 📷 { $count } of { $max } photos. Send another, or Skip to finish.
review-photo-expected = Please send a photo, or tap Skip.
review-posted = ⭐ Thank you! Your review is posted.
review-see-shop = 🏪 The shop's reviews
review-sub-quality = Quality { $n }/5
review-sub-service = Service { $n }/5
review-sub-value = Value { $n }/5
review-on-deal = 🎟 { $title }
review-photo-count = 📷 { $count ->
    [one] 1 photo
   *[other] { $count } photos
}
review-helpful-count = 👍 { $count } found this helpful
review-reply-line = 💬 Owner's reply: { $reply }
shop-page-no-reviews = No reviews yet.
shop-page-rating = ⭐ <b>{ $rating }</b> from { $count ->
    [one] 1 review
   *[other] { $count } reviews
} · { $order }
shop-page-order-newest = newest first
shop-page-order-helpful = most helpful first
shop-page-sort-newest = 🕘 Newest first
shop-page-sort-helpful = 👍 Most helpful first
review-helpful-button = 👍 { $n }
review-photos-button = 📷 { $n }
review-reply-button = 💬 Reply { $n }
review-hide-button = 🚫 Hide { $n }
review-reply = 💬 Reply
review-helpful-thanks = 👍 Thanks, counted.
review-helpful-already = You already found this review helpful.
review-ask-reply = 💬 Write your public reply (once, up to 300 characters):
review-reply-posted = 💬 Your reply is posted under the review.
review-ask-hide-reason = 🚫 Why is this review hidden? Its author will read the reason.
review-hidden-done = 🚫 Review #{ $id } is hidden: it counts nowhere now, and its author is told why.
review-new-notice =
    ⭐ New review of <b>{ $shop }</b>:
    { $review }
review-hidden-notice = 🚫 Your review of { $title } at <b>{ $shop }</b> was hidden by an operator: { $reason }
review-replied-notice = 💬 <b>{ $shop }</b> replied to your review: { $reply }
form-name-review = review
form-name-reviewreply = reply
form-name-reviewhide = hiding a review
error-review-already-replied = This review has a reply already: an owner replies once.
error-review-already-written = You have already reviewed this visit.
error-review-not-found = That review is not there any more.
error-review-not-redeemed = You can review a visit once its voucher is redeemed in the shop.
error-review-too-many-photos = At most { $max } photos, please.
error-review-photo-failed = The photos couldn't be saved just now. Try again, or post the review without them.
error-review-photo-refused = Photos must be JPEG, PNG or WebP images of at most { $mb } MB.
error-review-vote-own = That is your own review: only other readers can mark it helpful.
error-review-vote-own-shop = That is a review of your own shop: only its customers can mark it helpful.
error-reward-cap-invalid = Choose one of the caps offered.
error-reward-offer-invalid = That offer can't be a reward: it must be one of your offers on sale or paused, and not a group deal.
## Following shops, saved deals and reminders
cmd-saved = Deals you saved (♡)
cmd-following = Shops you follow
cmd-reviews = Your shop's reviews: reply to them
card-follow = ➕ Follow shop
card-following = ✓ Following
card-save = ♡ Save
card-saved = ♥ Saved
follow-done = You follow { $shop }: its new offers will reach you wherever you are.
unfollow-done = You no longer follow this shop.
unfollow-done-shop = You no longer follow { $shop }.
save-done = ♥ Saved: see /saved. I'll remind you once if it's about to end or sell out.
unsave-done = Removed from your saved deals.
unsave-not-saved = This deal is not among your saved deals any more.
following-empty = You don't follow any shop yet. Tap ➕ Follow shop on a deal's card: its new offers will reach you wherever you are.
following-header = 🏪 <b>Shops you follow</b> ({ $count }). Their new offers come in your pushes.
following-line = { $n }. <b>{ $shop }</b> · { $category } · { $offers ->
        [0] no offer on sale
        [one] 1 offer on sale
       *[other] { $offers } offers on sale
    }
following-open = { $n }. Offers
following-unfollow = ✖ Unfollow { $n }
following-shop-header = 🏪 <b>{ $shop }</b>
    📍 { $address }
    { $count ->
        [0] No offer on sale right now: you'll get its next one.
        [one] 1 offer on sale:
       *[other] { $count } offers on sale:
    }
following-shop-line = { $n }. <b>{ $title }</b>: { $price }{ $original }
following-back = ◀ Back
following-unfollow-shop = ✖ Unfollow
saved-empty = ♡ You have no saved deals. Tap ♡ Save on a deal's card to keep it here.
saved-header = ♥ <b>Your saved deals</b> ({ $count })
saved-line = { $n }. <b>{ $title }</b> at { $shop }: { $price }{ $original } · { $state }
saved-ends = { $left } left, until { $ends }
saved-off-sale = not on sale any more
saved-remove = ✖ { $n }
saved-reminder-ending = ⏰ A deal you saved ends soon: <b>{ $title }</b> at { $shop }, until { $ends } ({ $left } left).
saved-reminder-few-left = ⏰ A deal you saved is nearly sold out: <b>{ $title }</b> at { $shop }, only { $left } left.
saved-reminder-open = 🛒 See the deal
saved-list-button = ♥ Saved deals
voucher-reminder-header = ⏰ { $count ->
        [one] Your voucher expires
       *[other] { $count } of your vouchers expire
    } soon, still unused:
voucher-reminder-line = • <code>{ $code }</code> { $title } at { $shop }: valid until { $expires }
voucher-reminders-stop = 🔕 No more of these reminders
voucher-reminders-start = 🔔 Remind me again
voucher-reminders-off = 🔕 Done: no more reminders of vouchers about to expire.
voucher-reminders-on = 🔔 Voucher reminders are back on.
push-header-followed = 🔔 New from shops you follow: { $count } { $count ->
        [one] deal
       *[other] deals
    }
push-line-followed = { $n }. <b>{ $title }</b> at { $shop }: { $price }{ $original } · from a shop you follow
push-following = 🏪 Shops I follow
error-not-following = You don't follow this shop (any more). See /following.
error-too-many-follows = You can follow at most { $max } shops. Unfollow one in /following first.
error-too-many-saved = You can keep at most { $max } saved deals. Remove one in /saved first.
stats-followers = ➕ Followers: { $total } ({ $new } new in the period)
