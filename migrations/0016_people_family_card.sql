-- The portal prefills family members from the register (issue 6): people by family card (KK).
create index people_family_card_idx on people (family_card_number) where family_card_number is not null;
