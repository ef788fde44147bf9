"""Builds the flower-ordering sample bot through the Lex V2 models API, as a user of boto3 would."""

import time
import uuid

ROLE = "arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots"


def text(value):
    return {"message": {"plainTextMessage": {"value": value}}}


def prompt(*variations, retries=2):
    group = text(variations[0])
    if len(variations) > 1:
        group["variations"] = [{"plainTextMessage": {"value": v}} for v in variations[1:]]
    return {"messageGroups": [group], "maxRetries": retries, "allowInterrupt": True}


def create_flower_bot(models, name=None, confirm=True, hooks=False):
    """Creates, fills and builds the OrderFlowers bot; answers its id."""
    bot = models.create_bot(
        botName=name or f"OrderFlowers{uuid.uuid4().hex[:8]}",
        description="Orders flowers for pickup",
        roleArn=ROLE,
        dataPrivacy={"childDirected": False},
        idleSessionTTLInSeconds=300,
    )
    bot_id = bot["botId"]
    where = {"botId": bot_id, "botVersion": "DRAFT", "localeId": "en_US"}
    models.create_bot_locale(nluIntentConfidenceThreshold=0.40, **where)
    flower_type = models.create_slot_type(
        slotTypeName="FlowerTypes",
        slotTypeValues=[
            {"sampleValue": {"value": "roses"}, "synonyms": [{"value": "rose"}]},
            {"sampleValue": {"value": "lilies"}, "synonyms": [{"value": "lily"}]},
            {"sampleValue": {"value": "tulips"}, "synonyms": [{"value": "tulip"}]},
        ],
        valueSelectionSetting={"resolutionStrategy": "TopResolution"},
        **where,
    )
    utterances = [
        "I would like to order some flowers",
        "I want to order flowers",
        "Can I order {FlowerType}",
        "I would like to pick up flowers",
        "order {FlowerType} for {PickupDate}",
        "send {FlowerType} on {PickupDate} at {PickupTime}",
        "buy flowers",
        "I need a bouquet",
    ]
    intent = models.create_intent(
        intentName="OrderFlowers", sampleUtterances=[{"utterance": u} for u in utterances], **where
    )
    intent_id = intent["intentId"]
    slots = {}
    for name, type_id, question in [
        ("FlowerType", flower_type["slotTypeId"], "What type of flowers would you like to order?"),
        ("PickupDate", "AMAZON.Date", "What day do you want the {FlowerType} to be picked up?"),
        ("PickupTime", "AMAZON.Time", "At what time do you want the {FlowerType} to be picked up?"),
    ]:
        variations = [question, "Sorry, which flowers?"] if name == "FlowerType" else [question]
        slot = models.create_slot(
            slotName=name,
            slotTypeId=type_id,
            intentId=intent_id,
            valueElicitationSetting={"slotConstraint": "Required", "promptSpecification": prompt(*variations)},
            **where,
        )
        slots[name] = slot["slotId"]
    update = {
        "intentId": intent_id,
        "intentName": "OrderFlowers",
        "sampleUtterances": [{"utterance": u} for u in utterances],
        "slotPriorities": [{"priority": i + 1, "slotId": slots[n]} for i, n in enumerate(["FlowerType", "PickupDate", "PickupTime"])],
        "intentClosingSetting": {
            "closingResponse": {"messageGroups": [text("Thanks, your order for {FlowerType} has been placed.")]},
            "active": True,
        },
    }
    if hooks:
        update["dialogCodeHook"] = {"enabled": True}
        update["fulfillmentCodeHook"] = {"enabled": True}
    if confirm:
        update["intentConfirmationSetting"] = {
            "promptSpecification": prompt(
                "Okay, your {FlowerType} will be ready for pickup by {PickupTime} on {PickupDate}. Does this sound okay?"
            ),
            "declinationResponse": {"messageGroups": [text("Okay, I will not place your order.")]},
        }
    models.update_intent(**update, **where)
    models.create_intent(
        intentName="OpeningHours",
        sampleUtterances=[
            {"utterance": u}
            for u in ["when are you open", "what are your opening hours", "what time do you close", "when does the shop open"]
        ],
        intentClosingSetting={"closingResponse": {"messageGroups": [text("We are open from 9 am to 6 pm.")]}},
        **where,
    )
    models.build_bot_locale(**where)
    wait_built(models, **where)
    return bot_id


def wait_built(models, **where):
    for _ in range(100):
        status = models.describe_bot_locale(**where)["botLocaleStatus"]
        if status in ("Built", "Failed"):
            return status
        time.sleep(0.1)
    raise AssertionError("the locale never finished building")
