"""The B1 check: is a Dutch letter readable at language level B1, sentence by sentence, and what to write instead.

`zinnen` splits sentences, `taalmodel` and `analyse` parse them with the Dutch model in checks/model/, `woorden`,
`lettergrepen` and `maten` measure, `regels` finds what is hard, `score` gives the letter a level, `controle` ties it
together and `rapport` writes text, HTML or a DOCX with Word comments. Word lists are data in content/b1/."""
