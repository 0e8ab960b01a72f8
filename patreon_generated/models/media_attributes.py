# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attributes_image_urls import MediaAttributesImageUrls
    from ..models.media_attributes_metadata_type_0 import MediaAttributesMetadataType0
    from ..models.media_attributes_upload_parameters import MediaAttributesUploadParameters


T = TypeVar("T", bound="MediaAttributes")


@_attrs_define
class MediaAttributes:
    """Attributes of media. Only those asked for with fields[media] are returned [PD _oauth_v2.md].

    Attributes:
        created_at (datetime.datetime | Unset): When the media was created.
        download_url (str | Unset): Download URL, valid for 24 hours [PD].
        file_name (str | Unset): File name.
        image_urls (MediaAttributesImageUrls | Unset): Resized image URLs by size, valid for 2 weeks [PD].
        metadata (MediaAttributesMetadataType0 | None | Unset): File metadata.
        mimetype (str | Unset): MIME type.
        owner_id (str | Unset): Id of the owning resource.
        owner_relationship (str | Unset): Relationship name on the owner.
        owner_type (str | Unset): Type of the owning resource.
        size_bytes (int | Unset): File size in bytes.
        state (str | Unset): Upload state.
        upload_expires_at (datetime.datetime | Unset): When the upload URL expires.
        upload_parameters (MediaAttributesUploadParameters | Unset): Parameters for the upload request.
        upload_url (str | Unset): Upload URL.
    """

    created_at: datetime.datetime | Unset = UNSET
    download_url: str | Unset = UNSET
    file_name: str | Unset = UNSET
    image_urls: MediaAttributesImageUrls | Unset = UNSET
    metadata: MediaAttributesMetadataType0 | None | Unset = UNSET
    mimetype: str | Unset = UNSET
    owner_id: str | Unset = UNSET
    owner_relationship: str | Unset = UNSET
    owner_type: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    state: str | Unset = UNSET
    upload_expires_at: datetime.datetime | Unset = UNSET
    upload_parameters: MediaAttributesUploadParameters | Unset = UNSET
    upload_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.media_attributes_metadata_type_0 import MediaAttributesMetadataType0  # noqa: PLC0415

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        download_url = self.download_url

        file_name = self.file_name

        image_urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.image_urls, Unset):
            image_urls = self.image_urls.to_dict()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, MediaAttributesMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        mimetype = self.mimetype

        owner_id = self.owner_id

        owner_relationship = self.owner_relationship

        owner_type = self.owner_type

        size_bytes = self.size_bytes

        state = self.state

        upload_expires_at: str | Unset = UNSET
        if not isinstance(self.upload_expires_at, Unset):
            upload_expires_at = self.upload_expires_at.isoformat()

        upload_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.upload_parameters, Unset):
            upload_parameters = self.upload_parameters.to_dict()

        upload_url = self.upload_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if download_url is not UNSET:
            field_dict["download_url"] = download_url
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if image_urls is not UNSET:
            field_dict["image_urls"] = image_urls
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if mimetype is not UNSET:
            field_dict["mimetype"] = mimetype
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if owner_relationship is not UNSET:
            field_dict["owner_relationship"] = owner_relationship
        if owner_type is not UNSET:
            field_dict["owner_type"] = owner_type
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if state is not UNSET:
            field_dict["state"] = state
        if upload_expires_at is not UNSET:
            field_dict["upload_expires_at"] = upload_expires_at
        if upload_parameters is not UNSET:
            field_dict["upload_parameters"] = upload_parameters
        if upload_url is not UNSET:
            field_dict["upload_url"] = upload_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.media_attributes_image_urls import MediaAttributesImageUrls  # noqa: PLC0415
        from ..models.media_attributes_metadata_type_0 import MediaAttributesMetadataType0  # noqa: PLC0415
        from ..models.media_attributes_upload_parameters import MediaAttributesUploadParameters  # noqa: PLC0415

        d = dict(src_dict)
        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        download_url = d.pop("download_url", UNSET)

        file_name = d.pop("file_name", UNSET)

        _image_urls = d.pop("image_urls", UNSET)
        image_urls: MediaAttributesImageUrls | Unset
        if isinstance(_image_urls, Unset):
            image_urls = UNSET
        else:
            image_urls = MediaAttributesImageUrls.from_dict(_image_urls)

        def _parse_metadata(data: object) -> MediaAttributesMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = MediaAttributesMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaAttributesMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        mimetype = d.pop("mimetype", UNSET)

        owner_id = d.pop("owner_id", UNSET)

        owner_relationship = d.pop("owner_relationship", UNSET)

        owner_type = d.pop("owner_type", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        state = d.pop("state", UNSET)

        _upload_expires_at = d.pop("upload_expires_at", UNSET)
        upload_expires_at: datetime.datetime | Unset
        if isinstance(_upload_expires_at, Unset):
            upload_expires_at = UNSET
        else:
            upload_expires_at = datetime.datetime.fromisoformat(_upload_expires_at)

        _upload_parameters = d.pop("upload_parameters", UNSET)
        upload_parameters: MediaAttributesUploadParameters | Unset
        if isinstance(_upload_parameters, Unset):
            upload_parameters = UNSET
        else:
            upload_parameters = MediaAttributesUploadParameters.from_dict(_upload_parameters)

        upload_url = d.pop("upload_url", UNSET)

        media_attributes = cls(
            created_at=created_at,
            download_url=download_url,
            file_name=file_name,
            image_urls=image_urls,
            metadata=metadata,
            mimetype=mimetype,
            owner_id=owner_id,
            owner_relationship=owner_relationship,
            owner_type=owner_type,
            size_bytes=size_bytes,
            state=state,
            upload_expires_at=upload_expires_at,
            upload_parameters=upload_parameters,
            upload_url=upload_url,
        )

        media_attributes.additional_properties = d
        return media_attributes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
