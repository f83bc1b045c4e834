"""Language identification runs offline on the model bundled in the wheel."""
from __future__ import annotations

import socket

import pytest

from chronique.lang.detect import LangStep
from chronique.types import Document


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("language identification tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le fabricant chinois envisage une production de masse de ses propres voitures dès 2024.", "fr"),
        ("The carmaker said on Tuesday that it would start building the plant next spring.", "en"),
        ("Die Regierung kündigte am Montag neue Investitionen in die Bahn an.", "de"),
    ],
)
def test_detect_language_offline(no_network, text, lang):
    step = LangStep()
    doc = step(Document(id="x", source="t", raw=text, text=text))
    assert doc.lang == lang


def test_detect_keeps_language_given_by_reader(no_network):
    doc = Document(id="x", source="t", raw="Hello there, friends.", text="Hello there, friends.", lang="fr")
    assert LangStep()(doc).lang == "fr"


def test_detect_empty_text_gives_none(no_network):
    assert LangStep()(Document(id="x", source="t", raw="", text="  \n ")).lang is None
