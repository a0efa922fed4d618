"""French: the northern coast of France and the Tunisian side of the central Mediterranean."""

from graph.synth.templates import BenignPhrases, Language

BENIGN = BenignPhrases(
    ferry=(
        "⛴️ {name} : traversée quotidienne {dep} – {dest}. Prochain départ {day} {date} à {time}, "
        "passagers à pied dès {price}. Billets en ligne ou au guichet du port",
        "Modification d'horaires : le départ de {time} de {dep} vers {dest} le {date} est annulé à "
        "cause de la météo. Les passagers sont reportés sur le bateau suivant",
        "Vacances en famille à {dest} ? Billets de bateau aller-retour depuis {dep} à partir de "
        "{price} par personne, gratuit pour les moins de 4 ans. Agence agréée {name}",
    ),
    school=(
        "École de langues {name} : cours d'anglais à {city}, 20 heures par semaine dès {price}. Nous "
        "vous aidons pour le visa étudiant. Inscriptions ouvertes pour le {date}",
        "Étudier à {dest} ! Cours intensifs, logement en famille d'accueil, accueil à l'aéroport. "
        "Accompagnement visa étudiant inclus. Plus que {n} places",
        "Test de niveau gratuit ce {day} chez {name}. Préparation DELF, TCF et dossier de visa pour "
        "les étudiants qui partent à {dest}",
    ),
    cargo=(
        "📦 {name} cargo {dep} ➡️ {dest} chaque semaine. Colis à partir de {price} les 10 kg, porte à "
        "porte, dédouanement compris",
        "Envoyer des cartons à la famille à {dest} ? Ramassage le {day} {date}, livraison en {n} "
        "jours. Numéro de suivi pour chaque colis",
        "{name} : départ des camionnettes pour {dest} chaque {day} à {time}. Documents, alimentation, "
        "meubles. Assurance incluse, paiement à la livraison",
    ),
    charity=(
        "Notre navire de sauvetage est de retour en mer au large de {place}. La semaine dernière "
        "l'équipage a mis {n} personnes en sécurité. Chaque don compte",
        "Les bénévoles de {name} à {city} ont besoin de vêtements chauds, sacs de couchage et lait "
        "infantile pour les familles arrivées de {dep}. Dépôt le {day} à {time}",
        "Appel d'hiver : {n} personnes dorment dehors près de {place}. {price} pour une tente et des "
        "couvertures. Association reconnue d'utilité publique, merci de partager",
    ),
    news=(
        "Les passeurs demandent {price} par personne pour la traversée de {dep} vers {dest}, selon "
        "des témoignages recueillis par nos journalistes à {place}",
        "INFO : un bateau avec {n} personnes à bord a chaviré au large de {place} le {date}. Selon "
        "les secours, les passeurs les avaient entassés dans un pneumatique. Lire la suite",
        "Enquête : comment la traversée {dep} – {dest} se vend sur les réseaux sociaux pour {price}, "
        "« arrivée garantie » et paiement à l'arrivée",
    ),
    jobs=(
        "{name} recrute : {n} postes en entrepôt et en agriculture à {dest}, contrat légal, permis de "
        "travail pris en charge par l'employeur. Salaire {price} par mois. Envoyez votre CV",
        "Offre d'emploi : chauffeurs poids lourds pour la ligne {dep} – {dest}. Début le {date}, "
        "logement fourni. Agence agréée, aucun frais pour les candidats",
        "Travail saisonnier à {dest} dès le {date} : récolte et hôtellerie, {price} net. Entretiens à "
        "{city} le {day}",
    ),
    registration=(
        "RCS {number}",
        "Licence d'agence n° {number}",
        "N° d'immatriculation {number}",
    ),
    quote_intros=(
        "Une annonce repérée par nos journalistes cette semaine :",
        "Voici ce que publient les passeurs en ligne :",
    ),
    contact_lines=(
        "Tél : {phone}",
        "Appel ou WhatsApp {phone}",
        "Réservations et informations : {phone}",
    ),
    donation_lines=(
        "Faire un don : {payment}",
        "Soutenez-nous : {payment}",
    ),
)

LANGUAGE = Language(
    code="fr",
    name="French",
    digit_scripts=("latin",),
    apps=("WhatsApp", "Whatsapp", "WhatsApp", "Viber", "Signal", "Telegram", "whatsapp"),
    country_names={
        "FR": ("France", "numéro français"),
        "TN": ("Tunisie", "numéro tunisien"),
        "LY": ("Libye", "numéro libyen"),
        "IT": ("Italie", "numéro italien"),
        "GB": ("Angleterre", "numéro anglais"),
        "BE": ("Belgique", "numéro belge"),
    },
    handle_labels={},
    places={
        "calais": "Calais",
        "dunkirk": "Dunkerque",
        "boulogne": "Boulogne-sur-Mer",
        "gravelines": "Gravelines",
        "wimereux": "Wimereux",
        "uk": "l'Angleterre",
        "london": "Londres",
        "dover": "Douvres",
        "zuwara": "Zouara",
        "sabratha": "Sabratha",
        "tripoli": "Tripoli",
        "sfax": "Sfax",
        "benghazi": "Benghazi",
        "lampedusa": "Lampedusa",
        "italy": "l'Italie",
        "sicily": "la Sicile",
    },
    days=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    date_formats=("{d}/{m}", "{dd}/{mm}", "{dd}/{mm}/{y}", "{dd}.{mm}.{y}"),
    time_formats=("{h}h{min}", "{hh}h{min}", "{h}h", "{hh}:{min}"),
    money=(("{amount} €", 1.0), ("{amount} euros", 1.0), ("{amount} dinars", 3.4), ("{amount} $", 1.1)),
    thousands=(" ", "", "."),
    openers=(
        "🚤 Traversée vers {dest} au départ de {dep}",
        "Places disponibles pour {dest}, départ de {dep}",
        "Voyage {dep} ➡️ {dest} cette semaine",
        "Vous voulez partir pour {dest} ? On vous emmène depuis {dep} en toute sécurité",
        "Bateau pour {dest} depuis {dep}, petit groupe, capitaine expérimenté",
        "Camion pour {dest} depuis {dep}, caché et sûr, pas de bateau",
    ),
    pitches=(
        "Garanti à 100 %, si la police vous arrête le deuxième essai est gratuit",
        "Grand bateau, moteur neuf, gilets de sauvetage pour tout le monde",
        "Mer calme cette semaine, le capitaine connaît la route",
        "Les familles sont les bienvenues, enfants à moitié prix",
        "Pas besoin de papiers, on s'occupe de tout",
        "Sérieux et rapide, beaucoup de personnes sont arrivées le mois dernier",
    ),
    departures=(
        "Départ {day} {date} à {time}",
        "Départ prévu {day} soir vers {time}",
        "Prochain départ le {date}, le point de rendez-vous est donné le jour même",
    ),
    seats=("Il reste seulement {n} places", "{n} places disponibles", "Maximum {n} personnes par bateau"),
    prices=(
        "Prix : {price} par personne",
        "{price} par personne, la moitié avant, le reste à l'arrivée",
        "Tarif {price}, paiement à l'arrivée",
    ),
    phone_lines=(
        "Contact {app} {phone}",
        "Appelez ou écrivez sur {app} : {phone}",
        "📞 {app} {phone}",
        "Pour réserver, {app} au {phone}",
        "Renseignements au {phone}",
    ),
    new_number_lines=(
        "⚠️ NOUVEAU NUMÉRO {app} {phone}, l'ancien sera bientôt fermé",
        "Notre numéro a changé, nouveau {app} : {phone}",
    ),
    handle_lines=("Suivez-nous {handle}", "Plus d'infos sur {handle}", "Écrivez-nous en privé {handle}"),
    new_account_lines=(
        "Notre ancienne page a été fermée, suivez la nouvelle {handle}",
        "Nouveau compte {handle}, l'ancien a été bloqué",
    ),
    payment_lines=("Acompte : {payment}", "Paiement par {payment}", "Envoyez l'acompte sur {payment}"),
    email_lines=("Email : {email}", "Écrivez à {email}"),
    site_lines=("Site : {site}", "Réservation en ligne : {site}"),
    hub_lines={
        "hotline": ("Urgence en mer : {hub}", "En danger en mer ? Appelez {hub}"),
        "famous": ("{hub}", "vu chez {hub}"),
        "aggregator": ("Tous nos liens : {hub}", "Liens : {hub}"),
    },
    bumps=("UP", "🔝 Toujours disponible", "Dernières places !", "Départ confirmé cette semaine"),
    hashtags=("#voyage #europe", "#traversée", "#voyage"),
    travel=(
        "✈️ {name} : billets d'avion pour {dest} à partir de {price}, réservation d'hôtel, assurance "
        "voyage. Tél. {phone}",
        "Omra et voyages organisés, départs chaque mois. Renseignements au {phone}",
        "Promo été : {dest}, 7 nuits avec vol à partir de {price} par personne. Réservez au {phone}",
    ),
    jobs=(
        "Restaurant à {city} recherche plongeur et commis de cuisine, {price} par mois. Appelez le {phone}",
        "Entreprise du bâtiment recrute {n} maçons à {city}, début le {date}. Contact {phone}",
        "Société de nettoyage cherche agents à {city}, horaires du soir. Tél {phone}",
    ),
    rentals=(
        "Studio à louer à {city}, {price} par mois charges comprises. Tél {phone}",
        "Chambre meublée à louer près de la gare de {city}, libre le {date}. {phone}",
        "Appartement F2 à {city}, {price} par mois, visite après {time}. {phone}",
    ),
    news=(
        "{n} personnes secourues au large de {place} le {date}. Toute information sur les passeurs : "
        "{phone} (appel gratuit)",
        "Attention aux fausses agences de voyage. Signalez les passeurs au {phone}",
        "Un bateau avec {n} personnes à bord intercepté près de {place}. Numéro d'information {phone}",
    ),
    chatter=(
        "Quelqu'un sait combien coûte le passage pour {dest} maintenant ? On m'a dit {price}",
        "Faites attention, la mer est dangereuse cette semaine, {n} bateaux sont revenus",
        "Qui est à {place} ce soir ? On est {n} personnes, on attend depuis le {date}",
    ),
    holiday_places=("Tunis", "Djerba", "Marrakech", "Istanbul", "Dakar", "Alger"),
    cities={
        "FR": ("Paris", "Lyon", "Marseille", "Lille", "Toulouse"),
        "TN": ("Tunis", "Sfax", "Sousse", "Bizerte"),
    },
    agency_names=("Voyages Horizon", "Soleil Voyages", "Agence Atlas", "Carthage Tours", "Évasion Plus"),
    person_names=("Karim B.", "Yassine Tounsi", "Moussa Diallo", "Fatou Ndiaye", "Amine Ben Salah"),
    latin_names=("karim", "yassine", "moussa", "fatou", "amine", "mehdi", "ibrahima"),
    brand_stems=("voyage", "traversee", "passage", "europe", "calais", "italie", "mer", "rapide"),
    brand_names=("Voyage Europe", "Passage Sûr", "Traversée Express", "Italie Voyages"),
    benign=BENIGN,
)
