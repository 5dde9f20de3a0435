# Loaded by Orca at start from its preferences folder (orca -u <folder>). It makes Orca a witness:
# every utterance is appended as one JSON line to the file named by MITLESEN_ORCA_TRANSCRIPT, with the
# language Orca chose for it; key echo is off; no speech server is connected (Orca still generates
# every utterance, and live regions are still presented, which they are not with speech turned off).
import json
import os
import time

from gi.repository import GLib

import orca.settings as settings
import orca.speech as speech
import orca.speech_generator as speech_generator
import orca.speechserver as speechserver

_path = os.environ["MITLESEN_ORCA_TRANSCRIPT"]

settings.enableKeyEcho = False
settings.enableEchoByCharacter = False
settings.enableEchoByWord = False
settings.enableEchoBySentence = False
settings.enableSound = False
settings.onlySpeakDisplayedText = False
# No speech-dispatcher: there is no audio device, and waiting for it costs seconds at start.
speech._initSpeechServer = lambda *args, **kwargs: None


def _record(text, acss=None, kind="speech"):
    language = None
    try:
        family = (acss or {}).get("family") or {}
        language = family.get("locale")
    except Exception:
        pass
    line = json.dumps({"t": time.time(), "kind": kind, "lang": language, "text": text}, ensure_ascii=False)
    with open(_path, "a", encoding="utf-8") as out:
        out.write(line + "\n")


_original_speak = speech._speak


def _speak(text, acss, interrupt):
    _record(text, acss)
    _original_speak(text, acss, interrupt)


speech._speak = _speak


# Say all, paced and interruptible as with a voice. Without a speech server Orca's own sayAll walks
# the whole document at once, in a loop a key cannot stop, so the walk went on under the next test.
# Here each utterance takes a while to "speak" (shorter than a voice: 5 ms a character), the caret
# follows as a voice's progress moves it, and speech.stop() (any key press) interrupts, as the
# speech-dispatcher server does (orca/speechdispatcherfactory.py).
_say_all_state = {"run": 0, "context": None, "progress": None}


def _say_all(utterances, progress):
    _say_all_state["run"] += 1
    run = _say_all_state["run"]

    def speak_next():
        if _say_all_state["run"] != run:
            return False
        try:
            context, acss = next(utterances)
        except StopIteration:
            _say_all_state["context"] = None
            return False
        _record(context.utterance, acss, "sayall")
        _say_all_state["context"] = context
        _say_all_state["progress"] = progress
        context.currentOffset = context.startOffset
        context.currentEndOffset = None
        progress(context.copy(), speechserver.SayAllContext.PROGRESS)

        def spoken():
            if _say_all_state["run"] != run:
                return False
            context.currentOffset = context.endOffset
            context.currentEndOffset = None
            progress(context.copy(), speechserver.SayAllContext.COMPLETED)
            GLib.idle_add(speak_next)
            return False

        GLib.timeout_add(50 + 5 * len(context.utterance), spoken)
        return False

    GLib.idle_add(speak_next)


_original_stop = speech.stop


def _stop():
    context, progress = _say_all_state["context"], _say_all_state["progress"]
    if context is not None:
        _say_all_state["run"] += 1
        _say_all_state["context"] = None
        GLib.idle_add(progress, context.copy(), speechserver.SayAllContext.INTERRUPTED)
    _original_stop()


speech.sayAll = _say_all
speech.stop = _stop

# Orca 43 decides the language of each piece of text (from the page's lang attributes) but does
# not pass it on to the voice; carry it in the voice's family so the transcript can show it.
_original_voice = speech_generator.SpeechGenerator.voice


def _voice(self, key=None, **args):
    voices = _original_voice(self, key, **args)
    language = args.get("language")
    if language:
        for voice in voices:
            family = dict(voice.get("family") or {})
            family["locale"] = language
            # ACSS.update drops a family without a name; there is no speech server to care.
            family.setdefault("name", "mitlesen-" + language)
            voice["family"] = family
    return voices


speech_generator.SpeechGenerator.voice = _voice
