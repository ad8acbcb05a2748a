# Warden built-in combination rules. Written for Warden. Format: docs/lexicon-format.md.
# Prompts are read negation-free: "no children" still names children, because image generators
# do not reliably honour negation in a prompt.
@lexicon rules
@language *

# A minor-indicating term (or a stated age under 18) near any sexual term.
@rule minors-sexual: minor near sexual within 8 -> sexual/minors critical
# A real person's name with a sexual term: non-consensual sexual imagery of a real person.
@rule person-sexual: person near sexual within 12 -> impersonation high
# A real person's name with graphic violence, or in a defamatory scene.
@rule person-graphic: person near violence/graphic within 8 -> impersonation medium
@rule person-defamatory: person near defamatory within 8 -> impersonation low
# Asking the generator to avoid adult bodies while asking for sexual content steers it to minors.
@rule adult-in-negative: negative adult with sexual -> sexual/minors high
